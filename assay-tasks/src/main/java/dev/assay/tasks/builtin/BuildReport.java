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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Judges {@code build}: what the traced build did beyond building an empty project, the limits it ran
 * into, and, when the backend itself failed, an error finding carrying the end of its output.
 */
public final class BuildReport implements ReportEvaluator {

    private static final int CONTEXT_LINES = 15;

    private final String workspaceInside;

    /** @param workspaceInside where the sandbox showed the workspace when the trace was taken */
    public BuildReport(String workspaceInside) {
        this.workspaceInside = workspaceInside;
    }

    @Override
    public String taskName() {
        return BuildTask.NAME;
    }

    @Override
    public Report evaluate(TaskExecution execution, Path workspace) {
        List<Finding> findings = new ArrayList<>(TracedReport.traceFindings(execution, workspace, "build",
                workspaceInside));
        Object exitCode = execution.rawData().values().get("exitCode");
        boolean backendFailed = exitCode instanceof Number code && code.intValue() != 0;
        if (execution.outcome() == TaskOutcome.FAILED && (backendFailed || findings.isEmpty())) {
            String output = lastLines(RawFiles.text(execution, workspace, "build-log"), CONTEXT_LINES);
            findings.add(Finding.of(Severity.ERROR, "build-failed",
                    output.isBlank() ? execution.message() : "the build failed:\n" + output));
        }
        buildRequirements(execution).ifPresent(findings::add);
        return new Report(taskName(), RawFiles.outcomeLine(execution), findings);
    }

    /**
     * Where a build's requirements came from ({@code buildRequirements}, see {@link BuildFrontend}), as an info:
     * this index's build wheelhouse, or the worker's Python and why.
     */
    static Optional<Finding> buildRequirements(TaskExecution execution) {
        if (!(execution.rawData().values().get("buildRequirements") instanceof Map<?, ?> recorded)) {
            return Optional.empty();
        }
        List<?> requires = recorded.get("requires") instanceof List<?> list ? list : List.of();
        List<?> missing = recorded.get("missing") instanceof List<?> list ? list : List.of();
        String joined = requires.stream().map(String::valueOf).collect(Collectors.joining(", "));
        if ("wheelhouse".equals(recorded.get("source"))) {
            return Optional.of(Finding.of(Severity.INFO, "build-requirements-from-index", "build requirements "
                    + (requires.isEmpty() ? "(none)" : joined) + " installed from this index's build wheelhouse"));
        }
        return Optional.of(Finding.of(Severity.INFO, "build-requirements-from-worker", (missing.isEmpty()
                ? "no build wheelhouse was staged"
                : "build requirements not in this index: " + missing.stream().map(String::valueOf)
                        .collect(Collectors.joining(", "))) + "; built with the worker's Python"));
    }

    /** The last {@code count} non-blank lines of {@code text}. */
    static String lastLines(String text, int count) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
