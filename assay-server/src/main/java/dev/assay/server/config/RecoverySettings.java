package dev.assay.server.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the server checks at start ({@code assay.recovery.*}): a file in {@code DATA/files} without a row is
 * moved to {@code DATA/lost+found} once it has been there longer than {@code orphanGrace} (a younger one may
 * belong to an upload another server sharing the data directory is committing right now).
 */
@ConfigurationProperties("assay.recovery")
public record RecoverySettings(@DefaultValue("10m") Duration orphanGrace) {
}
