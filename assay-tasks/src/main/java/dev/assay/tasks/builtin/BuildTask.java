package dev.assay.tasks.builtin;

import dev.assay.packaging.PackagingException;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code build}: unpacks the sdist on the host with {@code SafeArchive} and builds a wheel from it in the
 * sandbox with {@code python3 -m build --wheel --no-isolation}; the backend's output is the log.
 */
public final class BuildTask implements Task {

    public static final String NAME = "build";

    private final Sandbox sandbox;
    private final BuiltinSettings settings;

    public BuildTask(Sandbox sandbox, BuiltinSettings settings) {
        this.sandbox = sandbox;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<DataKey> consumes() {
        return Set.of(DataKey.SDIST);
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of(DataKey.WHEEL);
    }

    @Override
    public TaskResult run(TaskContext context) throws IOException, InterruptedException {
        Path sdist = context.workspace().resolve(context.input(DataKey.SDIST, Path.class));
        SandboxStep step = new SandboxStep(sandbox, context, settings.limits(), NAME);
        Path project;
        try {
            project = Distributions.unpackSdist(sdist, step.dir().resolve("src"));
        } catch (PackagingException e) {
            context.record("unpackError", e.getMessage());
            return TaskResult.failed("the sdist cannot be unpacked: " + e.getMessage());
        }
        Path dist = Files.createDirectories(step.dir().resolve("dist"));
        // No isolation: the sandbox has no network, so the build requirements are the worker's own.
        List<String> argv = List.of(settings.python().toString(), "-m", "build", "--wheel", "--no-isolation",
                "--outdir", step.inside(dist), step.inside(project));
        context.record("command", argv);
        SandboxResult result = step.run("build", NAME, argv, Map.of());
        context.record("exitCode", result.exitCode());
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
        context.publish(DataKey.WHEEL, wheels.get(0));
        return TaskResult.passed("built " + wheels.get(0).getFileName());
    }
}
