package dev.assay.server.upstream.config;

/**
 * What an administrator changes on an upstream; a field left out (null) stays as it is. {@code username} and
 * {@code password} replace the credentials when either is given; an empty username removes them.
 */
public record UpstreamChange(Integer priority, Integer quarantineDays, Boolean enabled, String username,
        String password, Boolean vetNewFiles) {

    /** Whether the credentials change. */
    boolean changesCredentials() {
        return username != null || password != null;
    }
}
