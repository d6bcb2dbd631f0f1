package dev.assay.server.pipeline.workers;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long the workers of one pool wait before the next claim: the poll interval while the job source answers, a
 * delay doubling from it up to {@code cap} while it fails (the server down, the database away). The change of state
 * is logged once each way, not every attempt.
 */
final class ClaimBackoff {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimBackoff.class);

    private final Duration poll;
    private final Duration cap;
    private int failures;

    ClaimBackoff(Duration poll, Duration cap) {
        this.poll = poll;
        this.cap = cap.compareTo(poll) < 0 ? poll : cap;
    }

    /** The source answered: back to the poll interval. */
    synchronized void succeeded() {
        if (failures > 0) {
            LOG.info("the job source answers again after {} failed attempt(s); claiming jobs", failures);
            failures = 0;
        }
    }

    /** The source failed: returns how long to wait before the next attempt. */
    synchronized Duration failed(RuntimeException failure) {
        failures++;
        if (failures == 1) {
            LOG.warn("cannot claim jobs: {}; retrying with a growing delay of up to {} s", failure.getMessage(),
                    cap.toSeconds());
        }
        return delay(failures);
    }

    /** The delay after {@code failures} failures in a row: the poll interval doubled each time, at most the cap. */
    Duration delay(int failures) {
        long factor = 1L << Math.min(failures - 1, 30);
        Duration delay = poll.multipliedBy(factor);
        return delay.compareTo(cap) > 0 || delay.isNegative() ? cap : delay;
    }
}
