package dev.assay.server.accounts;

import java.time.Instant;
import java.util.Set;

/** A person with an account on this forge. */
public record User(long id, String name, String email, String fullName, Instant createdAt, Set<Group> groups) {

    public User {
        groups = Set.copyOf(groups);
    }

    /** Whether the user administers the whole forge. */
    public boolean isAdmin() {
        return groups.contains(Group.ADMINS);
    }

    /** Whether the user may sponsor a new contributor's first package. */
    public boolean isSponsor() {
        return groups.contains(Group.SPONSORS);
    }

    /** Whether the user reviews new projects: a member of {@code reviewers} or {@code sponsors}. */
    public boolean isPackageReviewer() {
        return groups.contains(Group.REVIEWERS) || groups.contains(Group.SPONSORS);
    }
}
