package dev.assay.server.index;

import java.time.Instant;

/**
 * A project in the index: its name as first given, its PEP 503 normalised name, its latest summary, and who
 * may read it: its visibility, and whether it is held until its package review is approved.
 */
public record Project(long id, String name, String normalizedName, String summary, Instant createdAt, long lastSerial,
        Visibility visibility, boolean held) {

    /** Whether only members and administrators may read the project. */
    public boolean isPrivate() {
        return visibility == Visibility.PRIVATE;
    }

    /** Whether some callers may not read the project (private or held): shared caches must not keep it. */
    public boolean isRestricted() {
        return isPrivate() || held;
    }
}
