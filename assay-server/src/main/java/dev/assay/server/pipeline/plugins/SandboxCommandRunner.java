package dev.assay.server.pipeline.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.assay.tasks.command.CommandRequest;
import dev.assay.tasks.command.CommandResult;
import dev.assay.tasks.command.CommandRunner;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxCommand;
import dev.assay.tasks.sandbox.SandboxLimits;
import dev.assay.tasks.sandbox.SandboxProbe;
import dev.assay.tasks.sandbox.SandboxResult;

/**
 * Runs command tasks in this machine's sandbox, probed at the first command: the job workspace is where the sandbox
 * sees it, the environment is clean, and the limits are the pipeline's, the wall time cut to the task's deadline. On
 * a machine without a sandbox every command fails to start, saying why: a command task never runs unsandboxed.
 */
public final class SandboxCommandRunner implements CommandRunner {

    private static final Duration SHORTEST = Duration.ofSeconds(1);

    private final Supplier<SandboxProbe> probe;
    private final SandboxLimits limits;
    private SandboxProbe probed;

    /** Runs commands in the sandbox {@code probe} finds, within {@code limits}. */
    public SandboxCommandRunner(Supplier<SandboxProbe> probe, SandboxLimits limits) {
        this.probe = probe;
        this.limits = limits;
    }

    @Override
    public CommandResult run(CommandRequest request) throws IOException, InterruptedException {
        Sandbox sandbox = sandbox();
        Path workspace = request.directory().toAbsolutePath().normalize();
        String inside = sandbox.workspaceInside(workspace);
        // the task names files by their host paths; the sandbox sees the workspace elsewhere
        List<String> argv = request.command().stream().map(argument -> argument.replace(workspace.toString(), inside))
                .toList();
        Duration wall = request.timeout().compareTo(limits.wallTime()) < 0 ? request.timeout() : limits.wallTime();
        SandboxCommand command = SandboxCommand.of(workspace, sandbox.supervised(argv))
                .withEnvironment(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", inside, "TMPDIR", inside,
                        "LANG", "C.UTF-8"))
                .withLimits(limits.withWallTime(wall.compareTo(SHORTEST) < 0 ? SHORTEST : wall));
        SandboxResult result = sandbox.run(command);
        result.stdout().lines().forEach(request.output());
        result.stderr().lines().forEach(request.output());
        return result.timedOut() ? CommandResult.killedAfterTimeout() : CommandResult.exited(result.exitCode());
    }

    private synchronized Sandbox sandbox() throws IOException {
        if (probed == null || probed.sandbox().isEmpty()) {
            probed = probe.get();
        }
        return probed.sandbox().orElseThrow(() -> new IOException("no sandbox, so the command does not run: "
                + probed.report()));
    }
}
