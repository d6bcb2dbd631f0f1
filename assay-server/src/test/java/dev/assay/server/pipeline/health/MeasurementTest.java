package dev.assay.server.pipeline.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.TaskReport;

class MeasurementTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static TaskReport task(String name, Map<String, Object> values) {
        return new TaskReport(name, "passed", NOW, NOW, 0, "", List.of(), Map.of("values", values, "files", Map.of()));
    }

    @Test
    void readsTheTestCountsAndCoverageTheTasksRecorded() {
        Measurement m = Measurement.of(List.of(task("metadata", Map.of()),
                task("test", Map.of("tests", Map.of("passed", 3, "failed", 1, "skipped", 2, "errors", 1))),
                task("coverage", Map.of("coverageTotal", 83.5))), 1234, NOW);

        assertThat(m).isEqualTo(new Measurement(3, 1, 2, 1, 83.5, 1234, NOW));
        assertThat(m.failedOrErrors()).isEqualTo(2);
    }

    @Test
    void aJobThatMeasuredNothingStillHasItsDuration() {
        Measurement m = Measurement.of(List.of(task("metadata", Map.of())), 50, NOW);

        assertThat(m).isEqualTo(new Measurement(null, null, null, null, null, 50, NOW));
        assertThat(m.failedOrErrors()).isNull();
    }

    @Test
    void valuesAWorkerGotWrongAreNotMeasurements() {
        Measurement m = Measurement.of(List.of(
                task("test", Map.of("tests", Map.of("passed", -1, "failed", "two", "skipped", 5_000_000_000L))),
                task("coverage", Map.of("coverageTotal", Double.NaN)),
                task("other", Map.of("coverageTotal", 140))), -5, NOW);

        assertThat(m).isEqualTo(new Measurement(null, null, null, null, 100.0, 0, NOW));
    }
}
