package dev.assay.tasks.builtin;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Severity;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxResult;
import dev.assay.tasks.sandbox.Strace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code install}: creates a fresh venv in the sandbox and installs the wheel into it from the wheelhouse
 * only, pip isolated from any configuration, under {@code strace -f}; what the trace shows beyond pip's own
 * {@link TraceBaseline baseline} becomes findings, and one of error severity or worse fails the task.
 */
public final class InstallTask implements Task {

    public static final String NAME = "install";
    /** The directory of wheels and sdists staged from the index, the only place pip may install from. */
    public static final DataKey WHEELHOUSE = DataKey.of("wheelhouse");
    static final String VENV_DIR = "venv";

    private final Sandbox sandbox;
    private final Strace strace;
    private final Baselines baselines;
    private final BuiltinSettings settings;

    public InstallTask(Sandbox sandbox, Strace strace, Baselines baselines, BuiltinSettings settings) {
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
        return Set.of(DataKey.WHEEL, WHEELHOUSE);
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of(DataKey.VENV);
    }

    @Override
    public TaskResult run(TaskContext context) throws IOException, InterruptedException {
        TraceBaseline baseline = baselines.of(NAME, context, sandbox, settings.limits(), TraceBaseline.PIP_PROGRAMS,
                this::measureBaseline);
        context.record("baseline", baseline.toRawData());
        SandboxStep step = new SandboxStep(sandbox, context, settings.limits(), NAME);
        Path venv = context.workspace().resolve(VENV_DIR);
        SandboxResult created = step.createVenv(settings.python(), venv);
        if (!created.succeeded()) {
            return TaskResult.error("could not create a venv (exit " + created.exitCode() + ")");
        }
        String wheel = step.inside(context.workspace().resolve(context.input(DataKey.WHEEL, Path.class)));
        String wheelhouse = step.inside(context.workspace().resolve(context.input(WHEELHOUSE, Path.class)));
        SandboxResult result = step.runTraced(strace, "pip", NAME, pipInstall(step.inside(venv), wheelhouse, wheel),
                Map.of());
        context.record("exitCode", result.exitCode());
        step.recordLimits(result);
        step.recordBehaviour("pip", baseline);
        if (result.killedByLimit()) {
            return TaskResult.error("pip was stopped by the sandbox's limits " + result.limitsHit());
        }
        String output = Files.readString(step.logFile("pip"));
        List<String> missing = PipOutput.missingRequirements(output);
        context.record("missingRequirements", missing);
        if (result.exitCode() != 0) {
            return TaskResult.failed(missing.isEmpty()
                    ? "pip install failed: " + PipOutput.errorLines(output)
                    : "missing from the wheelhouse: " + String.join(", ", missing));
        }
        List<Finding> findings = TraceFindings.of(step.traceFile("pip"), step.workspaceInside(), baseline);
        TaskResult judged = judge(findings, "install");
        if (judged.outcome() == dev.assay.tasks.TaskOutcome.PASSED) {
            context.publish(DataKey.VENV, venv);
        }
        return judged;
    }

    // The worker's pip installs into the venv (--python; the venv has no pip of its own). --isolated and
    // PIP_CONFIG_FILE=/dev/null (set for every step) keep pip from any configuration, and the sandbox inherits
    // no PIP_* variables: only the wheelhouse can answer.
    private List<String> pipInstall(String venvInside, String wheelhouse, String wheel) {
        return List.of(settings.python().toString(), "-m", "pip", "--python", venvInside + "/bin/python", "install",
                "--isolated", "--no-index", "--find-links", wheelhouse, "--no-cache-dir",
                "--disable-pip-version-check", "--no-input", wheel);
    }

    /** Installs an empty wheel from an empty wheelhouse into a fresh venv, the same way. */
    private Path measureBaseline(SandboxStep step) throws IOException, InterruptedException {
        Path venv = step.dir().resolve(VENV_DIR);
        Baselines.require(step.createVenv(settings.python(), venv), "creating a venv");
        Path wheelhouse = Files.createDirectories(step.dir().resolve("wheelhouse"));
        Path wheel = EmptyWheel.write(step.dir());
        Baselines.require(step.runTraced(strace, "baseline", step.dir().getFileName().toString(),
                pipInstall(step.inside(venv), step.inside(wheelhouse), step.inside(wheel)), Map.of()),
                "installing an empty wheel");
        return step.traceFile("baseline");
    }

    /** Failed when a finding is an error or worse; the message counts the findings. */
    static TaskResult judge(List<Finding> findings, String what) {
        long serious = findings.stream().filter(f -> f.severity().compareTo(Severity.ERROR) >= 0).count();
        if (serious > 0) {
            return TaskResult.failed(what + " did " + serious + " thing(s) a package must not do, e.g. "
                    + findings.stream().filter(f -> f.severity().compareTo(Severity.ERROR) >= 0)
                    .findFirst().orElseThrow().message());
        }
        return TaskResult.passed(findings.isEmpty() ? "" : findings.size() + " finding(s) below error");
    }
}
