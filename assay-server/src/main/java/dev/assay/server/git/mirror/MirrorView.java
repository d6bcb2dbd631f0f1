package dev.assay.server.git.mirror;

import java.time.Instant;

/**
 * A mirror as the API and the page show it: the URL with any password masked, when it was last pushed
 * to, and the result ({@code ok}, {@code failed}, or null before the first push) with the error.
 */
public record MirrorView(long id, String url, Instant createdAt, Instant lastAttemptAt, String lastResult,
        String lastError) {
}
