package dev.assay.server.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for what the server does in the background: polls a probe until a condition holds, or fails. */
public final class Eventually {

    private Eventually() {
    }

    /** Polls every 100 ms until {@code condition} holds of what {@code probe} returns; fails after the deadline. */
    public static <T> T until(String what, Duration deadline, Supplier<T> probe, Predicate<T> condition) {
        Instant end = Instant.now().plus(deadline);
        T value = probe.get();
        while (!condition.test(value)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("gave up waiting for " + what + "; last seen: " + value);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
            value = probe.get();
        }
        return value;
    }
}
