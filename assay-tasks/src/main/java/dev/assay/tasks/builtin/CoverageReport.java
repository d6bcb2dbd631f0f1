package dev.assay.tasks.builtin;

import dev.assay.tasks.execution.TaskExecution;
import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Location;
import dev.assay.tasks.report.Report;
import dev.assay.tasks.report.ReportEvaluator;
import dev.assay.tasks.report.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges {@code coverage}: the summary gives the total ("coverage 83% (5 files)"), an info finding per file
 * the tests never ran, and the limits the run hit.
 */
public final class CoverageReport implements ReportEvaluator {

    @Override
    public String taskName() {
        return CoverageTask.NAME;
    }

    @Override
    public Report evaluate(TaskExecution execution, Path workspace) {
        Map<String, Object> raw = execution.rawData().values();
        List<Finding> findings = new ArrayList<>(TracedReport.limitFindings(execution));
        if (!(raw.get(CoverageTask.TOTAL) instanceof Number total)) {
            return new Report(taskName(), RawFiles.outcomeLine(execution), findings);
        }
        if (raw.get(CoverageTask.FILES) instanceof Map<?, ?> files) {
            files.forEach((file, percent) -> {
                if (percent instanceof Number p && p.doubleValue() == 0) {
                    findings.add(new Finding(Severity.INFO, "not-covered", file + " is never run by the tests",
                            Location.of(String.valueOf(file))));
                }
            });
            return new Report(taskName(), CoverageTask.describe(total.doubleValue(), files.size()), findings);
        }
        return new Report(taskName(), CoverageTask.describe(total.doubleValue(), 0), findings);
    }
}
