package dev.assay.server.accounts;

import java.util.Arrays;

/** The forge-wide groups a user can belong to. */
public enum Group {
    ADMINS("admins"),
    SPONSORS("sponsors"),
    REVIEWERS("reviewers");

    private final String key;

    Group(String key) {
        this.key = key;
    }

    /** The group's name as stored and shown. */
    public String key() {
        return key;
    }

    /** The group with this stored name. */
    public static Group ofKey(String key) {
        return Arrays.stream(values()).filter(group -> group.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown group in the database: " + key));
    }
}
