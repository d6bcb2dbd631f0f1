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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code build}: unpacks the sdist on the host with {@code SafeArchive} and builds a wheel from it in the
 * sandbox with {@code python -m build --wheel --no-isolation} under {@code strace -f} — {@code setup.py}
 * and the build backend run here, so this is where a hostile sdist acts. The build requirements come from the
 * {@link #BUILD_WHEELHOUSE} when the index had them all, else from the worker's Python (see {@link BuildFrontend}).
 * The backend's and compilers' output is the {@code build-log}; what the trace shows beyond building an empty
 * project (the measured {@link TraceBaseline baseline}) becomes findings, and one of error severity or worse fails the task.
 */
public final class BuildTask implements Task {

    public static final String NAME = "build";
    /**
     * The sources' build requirements and the wheels staged for them from the index: a {@link BuildWheelhouse};
     * {@link BuildWheelhouse#none()} builds with the worker's Python.
     */
    public static final DataKey BUILD_WHEELHOUSE = DataKey.of("build-wheelhouse");

    private final Sandbox sandbox;
    private final Strace strace;
    private final Baselines baselines;
    private final BuiltinSettings settings;

    public BuildTask(Sandbox sandbox, Strace strace, Baselines baselines, BuiltinSettings settings) {
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
        return Set.of(DataKey.SDIST, BUILD_WHEELHOUSE);
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of(DataKey.WHEEL);
    }

    @Override
    public TaskResult run(TaskContext context) throws IOException, InterruptedException {
        if (settings.buildTools().isEmpty()) {
            return WorkerTools.missing("build");
        }
        Path sdist = context.workspace().resolve(context.input(DataKey.SDIST, Path.class));
        SandboxStep step = new SandboxStep(sandbox, context, settings.limits(), NAME);
        Path project;
        try {
            project = Distributions.unpackSdist(sdist, step.dir().resolve("src"));
        } catch (PackagingException e) {
            context.record("unpackError", e.getMessage());
            return TaskResult.failed("the sdist cannot be unpacked: " + e.getMessage());
        }
        TraceBaseline baseline = baselines.of(NAME, context, sandbox, settings.limits(), TraceBaseline.PIP_PROGRAMS,
                this::measureBaseline);
        context.record("baseline", baseline.toRawData());
        BuildFrontend.Prepared frontend = BuildFrontend.prepare(step, settings,
                context.input(BUILD_WHEELHOUSE, BuildWheelhouse.class), context);
        if (frontend.failure().isPresent()) {
            return frontend.failure().get();
        }
        Path dist = Files.createDirectories(step.dir().resolve("dist"));
        List<String> argv = frontend.frontend().command("--wheel", step.inside(dist), step.inside(project));
        context.record("command", argv);
        SandboxResult result = step.runTraced(strace, "build", NAME, argv, frontend.frontend().env());
        context.record("exitCode", result.exitCode());
        step.recordLimits(result);
        step.recordBehaviour("build", baseline);
        List<Finding> findings = TraceFindings.of(step.traceFile("build"), step.workspaceInside(), baseline);
        if (result.killedByLimit()) {
            return TaskResult.error("the build was stopped by the sandbox's limits " + result.limitsHit());
        }
        if (result.exitCode() != 0) {
            return TaskResult.failed("the build failed (exit " + result.exitCode() + "): "
                    + BuildReport.lastLines(Files.readString(step.logFile("build")), 1));
        }
        List<Path> wheels;
        try (Stream<Path> files = Files.list(dist)) {
            wheels = files.filter(f -> f.getFileName().toString().endsWith(".whl")).toList();
        }
        if (wheels.size() != 1) {
            return TaskResult.failed("the build wrote " + wheels.size() + " wheels, expected one");
        }
        context.record("wheel", wheels.get(0).getFileName().toString());
        TaskResult judged = InstallTask.judge(findings, "the build");
        if (judged.outcome() != TaskOutcome.PASSED) {
            return judged;
        }
        context.publish(DataKey.WHEEL, wheels.get(0));
        return TaskResult.passed("built " + wheels.get(0).getFileName()
                + (judged.message().isEmpty() ? "" : "; " + judged.message()));
    }

    /** Builds a project with one empty module with the worker's Python. */
    private Path measureBaseline(SandboxStep step) throws IOException, InterruptedException {
        Path project = emptyProject(step);
        Path dist = Files.createDirectories(step.dir().resolve("dist"));
        String workingDir = step.dir().getFileName().toString();
        Baselines.require(step.runTraced(strace, "baseline", workingDir, BuildFrontend.worker(settings)
                .command("--wheel", step.inside(dist), step.inside(project)), Map.of()), "building an empty project");
        return step.traceFile("baseline");
    }

    /** A project with one empty module in the step's directory: what a build baseline builds. */
    static Path emptyProject(SandboxStep step) throws IOException {
        Path project = Files.createDirectories(step.dir().resolve("empty"));
        Files.writeString(project.resolve("pyproject.toml"), """
                [build-system]
                requires = ["setuptools"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "assay-baseline-empty"
                version = "0.0"
                """);
        Files.createDirectories(project.resolve("assay_baseline_empty"));
        Files.writeString(project.resolve("assay_baseline_empty/__init__.py"), "");
        return project;
    }
}
