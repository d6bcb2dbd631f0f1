package dev.assay.tasks.builtin;

import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.execution.TaskExecution;
import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Report;
import dev.assay.tasks.report.ReportEvaluator;
import dev.assay.tasks.report.Severity;
import dev.assay.tasks.sandbox.Limit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Judges {@code install} and {@code import}: the findings of the step's trace beyond its recorded
 * baseline, plus requirements pip could not find and modules that failed to import.
 */
public final class TracedReport implements ReportEvaluator {

    private final String taskName;
    private final String step;
    private final String workspaceInside;

    /**
     * @param step            the traced step whose {@code <step>-trace} and {@code <step>-log} are attached
     * @param workspaceInside where the sandbox showed the workspace when the trace was taken
     */
    public TracedReport(String taskName, String step, String workspaceInside) {
        this.taskName = taskName;
        this.step = step;
        this.workspaceInside = workspaceInside;
    }

    @Override
    public String taskName() {
        return taskName;
    }

    @Override
    public Report evaluate(TaskExecution execution, Path workspace) {
        List<Finding> findings = new ArrayList<>();
        for (Object requirement : list(execution.rawData().values().get("missingRequirements"))) {
            findings.add(Finding.of(Severity.ERROR, "missing-dependency", "requirement '" + requirement
                    + "' is not in the wheelhouse: " + PipOutput.errorLines(RawFiles.text(execution, workspace,
                    step + "-log"))));
        }
        for (Object failure : list(execution.rawData().values().get("importFailures"))) {
            findings.add(Finding.of(Severity.ERROR, "import-failed", String.valueOf(failure)));
        }
        findings.addAll(traceFindings(execution, workspace, step, workspaceInside));
        if (execution.outcome() == TaskOutcome.FAILED && findings.isEmpty()) {
            findings.add(Finding.of(Severity.ERROR, taskName + "-failed", execution.message()));
        }
        return new Report(taskName, RawFiles.outcomeLine(execution), findings);
    }

    /**
     * The findings of the traced {@code step}'s attached trace beyond the recorded baseline, and one per limit
     * the recorded {@code limitsHit} or the trace shows, each once.
     */
    static List<Finding> traceFindings(TaskExecution execution, Path workspace, String step, String workspaceInside) {
        Set<Finding> findings = new LinkedHashSet<>();
        Optional<Path> trace = RawFiles.file(execution, workspace, step + "-trace");
        Object baseline = execution.rawData().values().get("baseline");
        if (trace.isPresent() && baseline != null) {
            try {
                findings.addAll(TraceFindings.of(trace.get(), workspaceInside, TraceBaseline.fromRawData(baseline)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        findings.addAll(limitFindings(execution));
        return List.copyOf(findings);
    }

    /** One finding per limit in the execution's recorded {@code limitsHit}, one per process it left running. */
    static List<Finding> limitFindings(TaskExecution execution) {
        List<Finding> findings = new ArrayList<>();
        for (Object limit : list(execution.rawData().values().get("limitsHit"))) {
            findings.add(TraceFindings.limitHit(Limit.valueOf(String.valueOf(limit).toUpperCase(Locale.ROOT))));
        }
        for (Object left : list(execution.rawData().values().get("leftRunning"))) {
            findings.add(TraceFindings.leftRunning(String.valueOf(left)));
        }
        return findings;
    }

    private static Collection<?> list(Object value) {
        return value instanceof Collection<?> values ? values : List.of();
    }
}
