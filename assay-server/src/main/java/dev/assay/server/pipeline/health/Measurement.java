package dev.assay.server.pipeline.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.assay.server.pipeline.TaskReport;

/**
 * What one finished job measured: the test counts of the task that recorded {@code tests} raw data and the
 * {@code coverageTotal} a task recorded (null when none did), and the job's duration.
 */
public record Measurement(Integer passed, Integer failed, Integer skipped, Integer errors, Double coverage,
        long durationMs, Instant finishedAt) {

    /** The raw-data value the coverage task records its total under. */
    static final String COVERAGE_TOTAL = "coverageTotal";

    /** Reads the measurements out of a job's task reports, as a worker sent them. */
    public static Measurement of(List<TaskReport> tasks, long durationMs, Instant finishedAt) {
        Map<?, ?> tests = null;
        Double coverage = null;
        for (TaskReport task : tasks) {
            Map<?, ?> values = task.rawData().get("values") instanceof Map<?, ?> map ? map : Map.of();
            if (tests == null && values.get("tests") instanceof Map<?, ?> counts) {
                tests = counts;
            }
            if (coverage == null && values.get(COVERAGE_TOTAL) instanceof Number total
                    && Double.isFinite(total.doubleValue())) {
                coverage = Math.max(0, Math.min(100, total.doubleValue()));
            }
        }
        return new Measurement(count(tests, "passed"), count(tests, "failed"), count(tests, "skipped"),
                count(tests, "errors"), coverage, Math.max(0, durationMs), finishedAt);
    }

    /** A count as a worker sent it; a missing, negative or non-numeric one is not a measurement. */
    private static Integer count(Map<?, ?> tests, String key) {
        if (tests == null || !(tests.get(key) instanceof Number number) || number.longValue() < 0
                || number.longValue() > Integer.MAX_VALUE) {
            return null;
        }
        return number.intValue();
    }

    /** Failed and erroring tests together, as the charts show them; null when not measured. */
    public Integer failedOrErrors() {
        return failed == null && errors == null ? null : (failed == null ? 0 : failed) + (errors == null ? 0 : errors);
    }
}
