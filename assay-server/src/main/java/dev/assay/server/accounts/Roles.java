package dev.assay.server.accounts;

/** The Spring Security authority names of the forge-wide groups. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    static final String SPONSOR = "SPONSOR";
    static final String REVIEWER = "REVIEWER";

    private Roles() {
    }

    static String of(Group group) {
        return "ROLE_" + switch (group) {
            case ADMINS -> ADMIN;
            case SPONSORS -> SPONSOR;
            case REVIEWERS -> REVIEWER;
        };
    }
}
