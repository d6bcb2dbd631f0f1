package dev.assay.server.upstream.config;

import java.time.Instant;
import java.util.Optional;

/**
 * An upstream index: its Simple Repository API root (ending in {@code /}), the credentials to sign in there, its
 * priority (lowest asked first), how many days new files stay quarantined, whether the start-up
 * configuration named it, and whether every file newly kept from it runs through the pipeline. The password never leaves the server: {@link #toString()} masks it.
 */
public record Upstream(long id, String url, Optional<String> username, Optional<String> password, int priority,
        int quarantineDays, boolean fromStartup, boolean enabled, Instant createdAt, boolean vetNewFiles) {

    @Override
    public String toString() {
        return "Upstream[" + id + " " + url + username.map(user -> " as " + user).orElse("")
                + password.map(secret -> " (password set)").orElse("") + "]";
    }
}
