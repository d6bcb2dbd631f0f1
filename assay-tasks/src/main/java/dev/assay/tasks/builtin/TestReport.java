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

/** Judges {@code test} from its JUnit XML: one error finding per failing or erroring test, with its message. */
public final class TestReport implements ReportEvaluator {

    @Override
    public String taskName() {
        return TestTask.NAME;
    }

    @Override
    public Report evaluate(TaskExecution execution, Path workspace) {
        Optional<Path> junit = RawFiles.file(execution, workspace, "junit-xml");
        if (junit.isEmpty()) {
            return new Report(taskName(), RawFiles.outcomeLine(execution), List.of());
        }
        TestSummary summary;
        try {
            summary = new JUnitXmlParser().parse(junit.get());
        } catch (JUnitXmlException e) {
            return new Report(taskName(), RawFiles.outcomeLine(execution),
                    List.of(Finding.of(Severity.ERROR, "junit-xml-invalid", e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Finding> findings = new ArrayList<>();
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
