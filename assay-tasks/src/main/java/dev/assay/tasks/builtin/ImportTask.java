package dev.assay.tasks.builtin;

import dev.assay.packaging.PackagingException;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.report.Finding;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxResult;
import dev.assay.tasks.sandbox.Strace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code import}: imports every top-level module of the wheel with the venv's Python under
 * {@code strace -f} — wheels run no code when installed, so importing is where they act.
 */
public final class ImportTask implements Task {

    public static final String NAME = "import";
    private static final String FAILED = "assay-import failed ";
    /** Imports each module named on the command line and says how it went, one line each. */
    private static final String SCRIPT = """
            import importlib, sys
            failed = 0
            for name in sys.argv[1:]:
                try:
                    importlib.import_module(name)
                    print("assay-import ok", name, flush=True)
                except BaseException as e:
                    failed += 1
                    detail = (type(e).__name__ + ": " + str(e)).replace("\\n", " ")
                    print("assay-import failed", name, detail, flush=True)
            sys.exit(1 if failed else 0)
            """;

    private final Sandbox sandbox;
    private final Strace strace;
    private final Baselines baselines;
    private final BuiltinSettings settings;

    public ImportTask(Sandbox sandbox, Strace strace, Baselines baselines, BuiltinSettings settings) {
        this.sandbox = sandbox;
        this.strace = strace;
        this.baselines = baselines;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<DataKey> consumes() {
        return Set.of(DataKey.VENV, DataKey.WHEEL);
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of();
    }

    @Override
    public TaskResult run(TaskContext context) throws IOException, InterruptedException {
        List<String> modules;
        try {
            modules = Distributions.topLevelModules(context.workspace().resolve(context.input(DataKey.WHEEL, Path.class)));
        } catch (PackagingException e) {
            return TaskResult.failed("the wheel cannot be read: " + e.getMessage());
        }
        context.record("modules", modules);
        if (modules.isEmpty()) {
            return TaskResult.passed("the wheel has no top-level module to import");
        }
        SandboxStep step = new SandboxStep(sandbox, context, settings.limits(), NAME);
        Path venv = context.workspace().resolve(context.input(DataKey.VENV, Path.class));
        step.recordEnvReads(venv);
        String python = step.inside(venv) + "/bin/python";
        TraceBaseline baseline = baselines.of(NAME, context, sandbox, settings.limits(), Set.of(),
                this::measureBaseline);
        context.record("baseline", baseline.toRawData());
        List<String> argv = new ArrayList<>(List.of(python, "-I", "-c", SCRIPT));
        argv.addAll(modules);
        SandboxResult result = step.runTraced(strace, "import", NAME, argv, Map.of());
        context.record("exitCode", result.exitCode());
        step.recordLimits(result);
        step.recordBehaviour("import", baseline);
        List<String> failures = Files.readString(step.logFile("import")).lines()
                .filter(line -> line.startsWith(FAILED)).map(line -> line.substring(FAILED.length())).toList();
        context.record("importFailures", failures);
        List<Finding> findings = TraceFindings.of(step.traceFile("import"), step.workspaceInside(), baseline);
        if (result.killedByLimit()) {
            return TaskResult.failed("importing was stopped by the sandbox's limits " + result.limitsHit());
        }
        if (!failures.isEmpty() || result.exitCode() != 0) {
            return TaskResult.failed(failures.isEmpty() ? "the import exited with code " + result.exitCode()
                    : "import failed: " + String.join("; ", failures));
        }
        TaskResult judged = InstallTask.judge(findings, "importing");
        return judged.outcome() == TaskOutcome.PASSED
                ? TaskResult.passed("imported " + String.join(", ", modules)
                        + (judged.message().isEmpty() ? "" : "; " + judged.message()))
                : judged;
    }

    /** Runs the import script with nothing to import in a fresh venv: what the interpreter does on its own. */
    private Path measureBaseline(SandboxStep step) throws IOException, InterruptedException {
        Path venv = step.dir().resolve(InstallTask.VENV_DIR);
        Baselines.require(step.createVenv(settings.python(), venv), "creating a venv");
        step.recordEnvReads(venv);
        Baselines.require(step.runTraced(strace, "baseline", step.dir().getFileName().toString(),
                List.of(step.inside(venv) + "/bin/python", "-I", "-c", SCRIPT), Map.of()), "importing nothing");
        return step.traceFile("baseline");
    }
}
