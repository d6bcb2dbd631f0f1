package dev.assay.tasks.sandbox;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Pauses between looks at something that usually settles within a millisecond (a killed sandbox's last process
 * leaving its cgroup): a quarter of a millisecond at first, doubling up to {@code longest}, so the common case
 * waits for what it waits for, not for a fixed sleep.
 */
final class Backoff {

    private static final long FIRST_NANOS = 250_000;

    private final long longestNanos;
    private long nextNanos = FIRST_NANOS;

    Backoff(Duration longest) {
        this.longestNanos = longest.toNanos();
    }

    void pause() {
        LockSupport.parkNanos(nextNanos);
        nextNanos = Math.min(nextNanos * 2, longestNanos);
    }
}
