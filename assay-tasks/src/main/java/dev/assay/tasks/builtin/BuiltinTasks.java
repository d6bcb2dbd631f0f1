package dev.assay.tasks.builtin;

import dev.assay.tasks.Task;
import dev.assay.tasks.report.ReportEvaluator;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.Strace;

import java.nio.file.Path;
import java.util.List;

/** The built-in tasks — build, install, import, test, coverage, lint — wired to one sandbox, and their report evaluators. */
public record BuiltinTasks(Sandbox sandbox, Strace strace, BuiltinSettings settings) {

    public List<Task> tasks() {
        return List.of(new BuildTask(sandbox, strace, settings), new InstallTask(sandbox, strace, settings),
                new ImportTask(sandbox, strace, settings), new TestTask(sandbox, strace, settings),
                new CoverageTask(sandbox, settings), new LintTask(sandbox, settings));
    }

    public List<ReportEvaluator> evaluators() {
        String workspace = sandbox.workspaceInside(Path.of("."));
        return List.of(new BuildReport(workspace), new TracedReport(InstallTask.NAME, "pip", workspace),
                new TracedReport(ImportTask.NAME, "import", workspace), new TestReport(workspace),
                new CoverageReport(), new LintReport());
    }
}
