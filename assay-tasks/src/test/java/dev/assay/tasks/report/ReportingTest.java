package dev.assay.tasks.report;

import dev.assay.tasks.RawData;
import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.execution.ExecutionReport;
import dev.assay.tasks.execution.TaskExecution;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportingTest {

    private static final Path WORKSPACE = Path.of("/job");

    /** Reads test counts recorded as raw data; one ERROR finding per failed test name. */
    private static final ReportEvaluator TEST_COUNTS = new ReportEvaluator() {
        @Override
        public String taskName() {
            return "test";
        }

        @Override
        public Report evaluate(TaskExecution execution, Path workspace) {
            Map<String, Object> values = execution.rawData().values();
            List<?> failures = (List<?>) values.get("failures");
            List<Finding> findings = new ArrayList<>();
            for (Object name : failures) {
                findings.add(new Finding(Severity.ERROR, "test-failed", name + " failed",
                        new Location("tests/test_core.py", 12)));
            }
            findings.add(Finding.of(Severity.INFO, "test-count", values.get("passed") + " tests passed"));
            return new Report("test", values.get("passed") + " passed, " + failures.size() + " failed", findings);
        }
    };

    private static TaskExecution execution(String task, TaskOutcome outcome, String message, RawData raw) {
        Instant now = Instant.EPOCH;
        return new TaskExecution(task, outcome, message, now, now, List.of(), raw);
    }

    @Test
    void evaluatesRawDataWithTheTasksEvaluatorAndKeepsTheRawDataApart() {
        RawData raw = new RawData(Map.of("passed", 3, "failures", List.of("test_div")), Map.of());
        ExecutionReport job = new ExecutionReport(WORKSPACE,
                List.of(execution("test", TaskOutcome.FAILED, "1 of 4 tests failed", raw)), Instant.EPOCH,
                Instant.EPOCH);

        Report report = new Reporting(List.of(TEST_COUNTS)).evaluate(job).get(0);

        assertThat(report.highestSeverity()).contains(Severity.ERROR);
        assertThat(report.findings().get(0).where()).contains(new Location("tests/test_core.py", 12));
        assertThat(report.count(Severity.INFO)).isEqualTo(1);
        assertThat(job.task("test").rawData()).isEqualTo(raw);
    }

    @Test
    void summarisesATaskWithoutEvaluatorByItsOutcome() {
        Reporting reporting = new Reporting(List.of());

        assertThat(reporting.evaluate(execution("lint", TaskOutcome.PASSED, "", RawData.EMPTY), WORKSPACE).summary())
                .isEqualTo("passed");
        assertThat(reporting.evaluate(execution("build", TaskOutcome.ERROR, "timed out after 5s", RawData.EMPTY),
                WORKSPACE).summary()).isEqualTo("error: timed out after 5s");
        assertThat(reporting.evaluate(execution("install", TaskOutcome.SKIPPED, "skipped: 'build' failed",
                RawData.EMPTY), WORKSPACE).summary()).isEqualTo("skipped: 'build' failed");
    }

    @Test
    void anEvaluatorThatThrowsYieldsAnErrorFinding() {
        Reporting reporting = new Reporting(List.of(TEST_COUNTS));

        Report report = reporting.evaluate(execution("test", TaskOutcome.PASSED, "", RawData.EMPTY), WORKSPACE);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("report-failed");
    }

    @Test
    void ordersFindingsMostSevereFirst() {
        Report report = new Report("install", "3 findings", List.of(Finding.of(Severity.INFO, "a", "a"),
                Finding.of(Severity.CRITICAL, "b", "b"), Finding.of(Severity.WARNING, "c", "c")));

        assertThat(report.findings()).extracting(Finding::severity)
                .containsExactly(Severity.CRITICAL, Severity.WARNING, Severity.INFO);
    }

    @Test
    void refusesTwoEvaluatorsForOneTask() {
        assertThatThrownBy(() -> new Reporting(List.of(TEST_COUNTS, TEST_COUNTS)))
                .hasMessageContaining("'test'");
    }
}
