package dev.assay.tasks.builtin;

import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.execution.TaskExecution;
import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Report;
import dev.assay.tasks.report.ReportEvaluator;
import dev.assay.tasks.report.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges {@code sdist}: what the traced build did beyond building an empty project's sdist, the limits it ran
 * into, a failed build as an error finding with the end of the backend's output (or why nothing was built),
 * and test folders the sdist leaves out as a warning, since the test task cannot run them.
 */
public final class SdistReport implements ReportEvaluator {

    private static final int CONTEXT_LINES = 15;

    private final String workspaceInside;

    /** @param workspaceInside where the sandbox showed the workspace when the trace was taken */
    public SdistReport(String workspaceInside) {
        this.workspaceInside = workspaceInside;
    }

    @Override
    public String taskName() {
        return SdistTask.NAME;
    }

    @Override
    public Report evaluate(TaskExecution execution, Path workspace) {
        List<Finding> findings = new ArrayList<>(TracedReport.traceFindings(execution, workspace, SdistTask.NAME,
                workspaceInside));
        Object exitCode = execution.rawData().values().get("exitCode");
        boolean backendFailed = exitCode instanceof Number code && code.intValue() != 0;
        if (execution.outcome() == TaskOutcome.FAILED && (backendFailed || findings.isEmpty())) {
            String output = BuildReport.lastLines(RawFiles.text(execution, workspace, SdistTask.NAME + "-log"),
                    CONTEXT_LINES);
            findings.add(Finding.of(Severity.ERROR, "sdist-failed",
                    output.isBlank() ? execution.message() : "the sdist build failed:\n" + output));
        }
        if (execution.rawData().values().get("testsLeftOut") instanceof List<?> folders && !folders.isEmpty()) {
            findings.add(Finding.of(Severity.WARNING, "tests-not-in-sdist", "the sdist leaves out " + folders
                    + ": the test task runs only the tests the sdist holds (include them, e.g. with MANIFEST.in)"));
        }
        BuildReport.buildRequirements(execution).ifPresent(findings::add);
        return new Report(taskName(), RawFiles.outcomeLine(execution), findings);
    }
}
