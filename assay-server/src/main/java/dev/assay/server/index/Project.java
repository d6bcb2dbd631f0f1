package dev.assay.server.index;

import java.time.Instant;

/**
 * A project in the index: its name as first given, its PEP 503 normalised name, its latest summary, and who
 * may read it.
 */
public record Project(long id, String name, String normalizedName, String summary, Instant createdAt, long lastSerial,
        Visibility visibility) {

    /** Whether only members and administrators may read the project. */
    public boolean isPrivate() {
        return visibility == Visibility.PRIVATE;
    }
}
