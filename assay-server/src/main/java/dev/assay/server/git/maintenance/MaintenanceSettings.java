package dev.assay.server.git.maintenance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Repository maintenance: whether repositories are repacked in the background after pushes ({@code enabled}),
 * how long after the first of a run of pushes ({@code delay}: the pushes meanwhile share one repack), after how
 * long an unreachable object may be deleted ({@code pruneAfter}, two weeks as C git's {@code gc.pruneExpire}),
 * and how many bytes of packs JGit keeps in memory for all repositories ({@code packCache}, its
 * {@code core.packedGitLimit}).
 */
@ConfigurationProperties("assay.git.maintenance")
public record MaintenanceSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10s") Duration delay,
        @DefaultValue("14d") Duration pruneAfter,
        @DefaultValue("64MB") DataSize packCache) {

    public MaintenanceSettings {
        if (delay.isNegative() || pruneAfter.isNegative()) {
            throw new IllegalArgumentException("assay.git.maintenance: delay and prune-after may not be negative");
        }
        if (packCache.toBytes() < DataSize.ofMegabytes(1).toBytes()) {
            throw new IllegalArgumentException("assay.git.maintenance.pack-cache: at least 1MB, not " + packCache);
        }
    }
}
