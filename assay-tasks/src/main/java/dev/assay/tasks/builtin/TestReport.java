package dev.assay.tasks.builtin;

import dev.assay.tasks.execution.TaskExecution;
import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Location;
import dev.assay.tasks.report.Report;
import dev.assay.tasks.report.ReportEvaluator;
import dev.assay.tasks.report.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges {@code test} from its JUnit XML — one error finding per failing or erroring test, with its message —
 * and its trace, as {@link TracedReport} does.
 */
public final class TestReport implements ReportEvaluator {

    private final String workspaceInside;

    /** @param workspaceInside where the sandbox showed the workspace when the trace was taken */
    public TestReport(String workspaceInside) {
        this.workspaceInside = workspaceInside;
    }

    @Override
    public String taskName() {
        return TestTask.NAME;
    }

    @Override
    public Report evaluate(TaskExecution execution, Path workspace) {
        List<Finding> traced = TracedReport.traceFindings(execution, workspace, "test", workspaceInside);
        Optional<Path> junit = RawFiles.file(execution, workspace, "junit-xml");
        if (junit.isEmpty()) {
            return new Report(taskName(), RawFiles.outcomeLine(execution), traced);
        }
        TestSummary summary;
        try {
            summary = new JUnitXmlParser().parse(junit.get());
        } catch (JUnitXmlException e) {
            List<Finding> findings = new ArrayList<>(traced);
            findings.add(Finding.of(Severity.ERROR, "junit-xml-invalid", e.getMessage()));
            return new Report(taskName(), RawFiles.outcomeLine(execution), findings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Finding> findings = new ArrayList<>(traced);
        for (TestFailure failure : summary.failures()) {
            findings.add(new Finding(Severity.ERROR, failure.error() ? "test-error" : "test-failed",
                    failure.name() + ": " + failure.message(), Location.of(failure.name())));
        }
        if (summary.total() == 0) {
            findings.add(Finding.of(Severity.WARNING, "no-tests", "the test run found no tests"));
        }
        String outcome = summary.allPassed() ? "passed" : "failed";
        return new Report(taskName(), outcome + ": " + summary.describe(), findings);
    }
}
