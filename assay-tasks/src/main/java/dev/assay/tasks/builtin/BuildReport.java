package dev.assay.tasks.builtin;

import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.execution.TaskExecution;
import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Report;
import dev.assay.tasks.report.ReportEvaluator;
import dev.assay.tasks.report.Severity;

import java.nio.file.Path;
import java.util.List;

/** Judges {@code build}: a failed build is an error finding carrying the end of the backend's output. */
public final class BuildReport implements ReportEvaluator {

    private static final int CONTEXT_LINES = 15;

    @Override
    public String taskName() {
        return BuildTask.NAME;
    }

    @Override
    public Report evaluate(TaskExecution execution, Path workspace) {
        String summary = RawFiles.outcomeLine(execution);
        if (execution.outcome() == TaskOutcome.FAILED) {
            String output = lastLines(RawFiles.text(execution, workspace, "build-log"), CONTEXT_LINES);
            return new Report(taskName(), summary, List.of(Finding.of(Severity.ERROR, "build-failed",
                    output.isBlank() ? execution.message() : "the build failed:\n" + output)));
        }
        return new Report(taskName(), summary, List.of());
    }

    /** The last {@code count} non-blank lines of {@code text}. */
    static String lastLines(String text, int count) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
