package dev.assay.tasks.builtin;

import dev.assay.tasks.Task;
import dev.assay.tasks.report.ReportEvaluator;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.Strace;

import java.nio.file.Path;
import java.util.List;

/**
 * The built-in tasks — sdist (from a source tree), build, install, import, test, coverage, lint — wired to one
 * sandbox, and their report evaluators.
 */
public record BuiltinTasks(Sandbox sandbox, Strace strace, BuiltinSettings settings, Baselines baselines) {

    /** The tasks with baselines of their own, measured at their first jobs. */
    public BuiltinTasks(Sandbox sandbox, Strace strace, BuiltinSettings settings) {
        this(sandbox, strace, settings, new Baselines());
    }

    public List<Task> tasks() {
        return List.of(new SdistTask(sandbox, strace, baselines, settings),
                new BuildTask(sandbox, strace, baselines, settings), new InstallTask(sandbox, strace, baselines, settings),
                new ImportTask(sandbox, strace, baselines, settings), new TestTask(sandbox, strace, baselines, settings),
                new CoverageTask(sandbox, settings), new LintTask(sandbox, settings));
    }

    public List<ReportEvaluator> evaluators() {
        String workspace = sandbox.workspaceInside(Path.of("."));
        return List.of(new SdistReport(workspace), new BuildReport(workspace),
                new TracedReport(InstallTask.NAME, "pip", workspace),
                new TracedReport(ImportTask.NAME, "import", workspace), new TestReport(workspace),
                new CoverageReport(), new LintReport());
    }
}
