package dev.assay.server.git.mirror;

import java.time.Instant;

/**
 * A configured push mirror with its last attempt (all null before the first); {@code url} holds the
 * credentials, so this record never leaves the server: {@link MirrorView} is what callers see.
 */
record Mirror(long id, long projectId, MirrorUrl url, Instant createdAt, Instant lastAttemptAt,
        MirrorResult lastResult, String lastError) {

    /** What owners see: the URL with its password masked, and the last result. */
    MirrorView view() {
        return new MirrorView(id, url.masked(), createdAt, lastAttemptAt,
                lastResult == null ? null : lastResult.key(), lastError);
    }
}
