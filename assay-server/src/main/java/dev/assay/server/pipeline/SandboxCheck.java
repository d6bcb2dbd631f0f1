package dev.assay.server.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxCommand;
import dev.assay.tasks.sandbox.SandboxLimits;
import dev.assay.tasks.sandbox.SandboxProbe;
import dev.assay.tasks.sandbox.SandboxResult;
import dev.assay.tasks.sandbox.Strace;

/**
 * Whether this machine can run pipeline jobs, as the server and {@code assay worker} decide it, plus a trial
 * run: Python started in the sandbox from a workspace under the work directory, which must find itself
 * unprivileged and without network. For {@code assay sandbox check}, the admin's first question.
 */
public final class SandboxCheck {

    /** What the check found; {@code ready} only when pipelines would run here. */
    public record Result(boolean ready, List<String> lines) {
    }

    private static final String TRIAL = """
            import os, socket
            try:
                socket.create_connection(("1.1.1.1", 80), timeout=3)
                network = "REACHABLE"
            except OSError as e:
                network = "blocked (" + (e.strerror or str(e)) + ")"
            print("uid", os.getuid(), "network", network)
            """;

    private SandboxCheck() {
    }

    /** Probes the machine for job workspaces under {@code workRoot}, then tries the sandbox once. */
    public static Result check(Path workRoot) throws IOException, InterruptedException {
        SandboxProbe probe = DefaultPipelineTasks.probe(workRoot);
        Strace strace = Strace.debian();
        Optional<String> missing = DefaultPipelineTasks.noSandbox(probe, strace);
        if (missing.isPresent()) {
            return new Result(false, List.of("no sandbox: " + missing.get(),
                    "pipelines record this as an error and run nothing of the packages"));
        }
        Sandbox sandbox = probe.sandbox().get();
        Path workspace = Files.createTempDirectory(Files.createDirectories(workRoot), "sandbox-check-");
        try {
            long start = System.nanoTime();
            SandboxResult trial = sandbox.run(SandboxCommand.of(workspace, List.of("/usr/bin/python3", "-c", TRIAL))
                    .withEnvironment(Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8"))
                    .withLimits(SandboxLimits.defaults().withWallTime(Duration.ofSeconds(30))));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            String output = (trial.stdout() + trial.stderr()).strip();
            boolean isolated = trial.succeeded() && output.contains("network blocked")
                    && !output.startsWith("uid 0 ");
            return new Result(isolated, List.of("sandbox: " + sandbox.description(), "strace: available",
                    "trial run in " + workRoot + " (" + millis + " ms): " + (output.isEmpty()
                            ? "exit " + trial.exitCode() : output),
                    isolated ? "ready: pipelines run their sandboxed tasks on this machine"
                            : "NOT READY: the trial run was not isolated as it must be"));
        } finally {
            JobRunner.deleteQuietly(workspace);
        }
    }
}
