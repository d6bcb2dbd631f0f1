package dev.assay.server.index.fuzz;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How long a fuzzing run is: a fixed seed and bounded counts in the suite; {@code bench/fuzz.sh} passes another
 * seed, larger counts and a time limit as system properties ({@code assay.fuzz.seed}, {@code .uploads},
 * {@code .reads}, {@code .seconds}: each phase stops at its count or after half the time).
 */
record FuzzSettings(long seed, int uploads, int reads, Duration time, Path failures) {

    static FuzzSettings fromSystemProperties() {
        long seconds = Long.getLong("assay.fuzz.seconds", 0);
        return new FuzzSettings(Long.getLong("assay.fuzz.seed", 10), Integer.getInteger("assay.fuzz.uploads", 150),
                Integer.getInteger("assay.fuzz.reads", 1500), seconds > 0 ? Duration.ofSeconds(seconds) : null,
                Path.of(System.getProperty("assay.fuzz.failures", "target/fuzz-failures")));
    }

    /** When a phase starting now must stop, in {@link System#nanoTime()} terms; far away without a time limit. */
    long phaseDeadline() {
        return time == null ? Long.MAX_VALUE : System.nanoTime() + time.toNanos() / 2;
    }
}
