package dev.assay.tasks.builtin;

import dev.assay.tasks.TaskContext;
import dev.assay.tasks.sandbox.ReadOnlyBind;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxCommand;
import dev.assay.tasks.sandbox.SandboxLimits;
import dev.assay.tasks.sandbox.SandboxResult;
import dev.assay.tasks.sandbox.Strace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the sandboxed commands of one task execution: a clean environment, the task's own home and temp
 * directories in the workspace, host paths outside the workspace bound read-only, and each command's
 * output logged and attached as {@code <step>-log}.
 */
final class SandboxStep {

    private final Sandbox sandbox;
    private final TaskContext context;
    private final SandboxLimits limits;
    private final Path taskDir;
    private final List<ReadOnlyBind> binds = new ArrayList<>();

    SandboxStep(Sandbox sandbox, TaskContext context, SandboxLimits limits, String taskName) throws IOException {
        this.sandbox = sandbox;
        this.context = context;
        this.limits = limits;
        this.taskDir = Files.createDirectories(context.workspace().resolve(taskName));
        Files.createDirectories(taskDir.resolve("home"));
        Files.createDirectories(taskDir.resolve("tmp"));
    }

    /** This task's directory in the workspace, on the host. */
    Path dir() {
        return taskDir;
    }

    /**
     * Where {@code hostPath} (absolute, or relative to the workspace) appears inside the sandbox; a path
     * outside the workspace is bound read-only under {@code /assay-inputs}.
     */
    String inside(Path hostPath) {
        Path workspace = context.workspace().toAbsolutePath().normalize();
        Path absolute = workspace.resolve(hostPath).normalize();
        if (absolute.startsWith(workspace)) {
            String relative = workspace.relativize(absolute).toString();
            return relative.isEmpty() ? workspaceInside() : workspaceInside() + "/" + relative;
        }
        // The file keeps its name: pip, for one, reads a wheel's name and version from it.
        String mounted = "/assay-inputs/" + binds.size() + "/" + absolute.getFileName();
        binds.add(new ReadOnlyBind(absolute, mounted));
        return mounted;
    }

    /** The job's workspace on the host. */
    Path workspace() {
        return context.workspace();
    }

    /** Creates a fresh venv at {@code venv} (in the workspace) with the worker's {@code python}, untraced. */
    SandboxResult createVenv(Path python, Path venv) throws IOException, InterruptedException {
        // Without pip: ensurepip copying pip into every venv costs seconds; the worker's pip installs into it.
        return run("venv", context.workspace().relativize(taskDir).toString(),
                List.of(python.toString(), "-m", "venv", "--without-pip", inside(venv)), Map.of());
    }

    /** Copies the bundled Python script {@code resource} into this task's directory; returns where the sandbox sees it. */
    String script(String resource) throws IOException {
        Path script = taskDir.resolve(resource);
        try (InputStream in = SandboxStep.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the bundled script " + resource + " is missing");
            }
            Files.write(script, in.readAllBytes());
        }
        return inside(script);
    }

    /** Mounts {@code hostPath} read-only at {@code sandboxPath}. */
    void bind(Path hostPath, String sandboxPath) {
        binds.add(new ReadOnlyBind(hostPath.toAbsolutePath().normalize(), sandboxPath));
    }

    String workspaceInside() {
        return sandbox.workspaceInside(context.workspace());
    }

    /** Runs {@code argv} untraced in {@code workingDir} (relative to the workspace). */
    SandboxResult run(String step, String workingDir, List<String> argv, Map<String, String> env)
            throws IOException, InterruptedException {
        return execute(step, merged(command(workingDir, argv, env)));
    }

    /** Runs {@code argv} under {@code strace -f}, its trace written to {@code <task>/<step>.trace}. */
    SandboxResult runTraced(Strace strace, String step, String workingDir, List<String> argv,
                            Map<String, String> env) throws IOException, InterruptedException {
        String trace = context.workspace().relativize(traceFile(step)).toString();
        Files.deleteIfExists(envReadsFile(step));
        Map<String, String> recorded = new HashMap<>(env);
        recorded.put(EnvReads.VARIABLE, inside(envReadsFile(step)));
        SandboxCommand traced = strace.traced(sandbox, command(workingDir, argv, recorded), trace);
        SandboxResult result = execute(step, merged(traced));
        if (Files.exists(traceFile(step))) {
            context.attach(step + "-trace", traceFile(step));
        }
        return result;
    }

    /**
     * Records the limits {@code result} ran into and what it left running as the task's {@code limitsHit} and
     * {@code leftRunning} raw data, for its report.
     */
    void recordLimits(SandboxResult result) {
        context.record("limitsHit", TraceFindings.names(result.limitsHit()));
        context.record("leftRunning", result.leftRunning());
    }

    /** Records what the traced {@code step} did beyond {@code baseline} as the task's {@link Behaviour} raw data. */
    void recordBehaviour(String step, TraceBaseline baseline) throws IOException {
        context.record(Behaviour.RAW_DATA, Behaviour.of(traceFile(step), envReadsFile(step), workspaceInside(),
                baseline));
    }

    Path traceFile(String step) {
        return taskDir.resolve(step + ".trace");
    }

    /**
     * Puts the {@link EnvReads} recorder into the venv at {@code venv}, so the traced steps run with its Python
     * record the environment variables they read; when it cannot, the log says so and the step runs without it.
     */
    void recordEnvReads(Path venv) {
        try {
            EnvReads.hook(venv);
        } catch (IOException e) {
            context.log("the environment-read recorder could not be put into the venv, so no env items: "
                    + e.getMessage());
        }
    }

    /** Where the {@link EnvReads} recorder of a venv hooked for it writes what the traced {@code step} read. */
    Path envReadsFile(String step) {
        return taskDir.resolve(step + ".env-reads");
    }

    Path logFile(String step) {
        return taskDir.resolve(step + ".log");
    }

    private SandboxCommand command(String workingDir, List<String> argv, Map<String, String> env) {
        String self = inside(taskDir);
        Map<String, String> environment = new HashMap<>(Map.of(
                "PATH", "/usr/local/bin:/usr/bin:/bin",
                "HOME", self + "/home",
                // Tools' scratch files stay in the workspace, so any write to /tmp is the package's doing.
                "TMPDIR", self + "/tmp",
                "LANG", "C.UTF-8",
                "PYTHONNOUSERSITE", "1",
                "PYTHONDONTWRITEBYTECODE", "1",
                "PIP_CONFIG_FILE", "/dev/null"));
        environment.putAll(env);
        Duration wall = context.remaining().compareTo(limits.wallTime()) < 0 ? context.remaining() : limits.wallTime();
        SandboxLimits bounded = limits.withWallTime(wall.isZero() ? Duration.ofSeconds(1) : wall);
        return new SandboxCommand(argv, environment, context.workspace(), workingDir, binds, null, bounded);
    }

    // The shell merges stderr into stdout so the log keeps the order in which things happened; it wraps
    // strace rather than being traced by it, so it is not part of the trace.
    private static SandboxCommand merged(SandboxCommand command) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$@\" 2>&1", "sh"));
        argv.addAll(command.argv());
        return command.withArgv(argv);
    }

    private SandboxResult execute(String step, SandboxCommand command) throws IOException, InterruptedException {
        context.log("$ " + String.join(" ", command.argv().subList(4, command.argv().size())));
        SandboxResult result = sandbox.run(command);
        String output = result.stdout() + result.stderr();
        output.lines().forEach(context::log);
        Files.writeString(logFile(step), output, StandardCharsets.UTF_8);
        context.attach(step + "-log", logFile(step));
        if (result.killedByLimit()) {
            context.log("killed: limits hit " + result.limitsHit());
        }
        result.leftRunning().forEach(left -> context.log("killed, left running when it exited: " + left));
        return result;
    }
}
