package dev.assay.server.db;

import java.time.Clock;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health ({@code writes}) is UP only when a real write commits: a database that still answers reads but
 * refuses every write (read-only, out of space, a broken constraint) must not look healthy.
 */
@Component("writes")
class WriteHealthIndicator extends AbstractHealthIndicator {

    private final HealthProbeRepository probe;
    private final Clock clock;

    WriteHealthIndicator(HealthProbeRepository probe, Clock clock) {
        super("the database refuses writes");
        this.probe = probe;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        // one UPDATE in auto-commit: a transaction of its own, committed before the check answers UP
        if (probe.record(clock.instant())) {
            builder.up();
        } else {
            builder.down().withDetail("reason", "the health_probe row is missing");
        }
    }
}
