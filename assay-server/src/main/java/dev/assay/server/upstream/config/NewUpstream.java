package dev.assay.server.upstream.config;

/**
 * An upstream an administrator adds: its URL (credentials may be in its user info, or given apart), and optionally
 * its priority (default: after every other), quarantine days (default 0) and whether every file newly kept from
 * it runs through the pipeline (default false).
 */
public record NewUpstream(String url, String username, String password, Integer priority, Integer quarantineDays,
        Boolean vetNewFiles) {
}
