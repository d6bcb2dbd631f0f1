package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.assay.tasks.builtin.BuiltinSettings;
import dev.assay.tasks.builtin.WorkerTools;
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

    /**
     * Probes the machine for job workspaces under {@code workRoot} (or where {@link WorkRoot} moves them), lists
     * every tool the tasks need with what is missing, then tries the sandbox once; ready only when the sandbox
     * works and no required tool is missing.
     */
    public static Result check(Path workRoot) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        Path jobs = WorkRoot.reachable(workRoot);
        lines.add("job workspaces: " + jobs + (jobs.equals(workRoot.toAbsolutePath().normalize()) ? ""
                : " (the sandbox's user cannot reach " + workRoot + ", so Assay keeps them there)"));
        Strace strace = Strace.debian();
        WorkerTools tools = WorkerTools.probe(BuiltinSettings.debian(), strace, Path.of("/usr/bin/bwrap"));
        lines.add("tools the tasks need:");
        tools.tools().forEach(tool -> lines.add("  " + tool.describe()));
        SandboxProbe probe = DefaultPipelineTasks.probe(workRoot);
        Optional<String> missing = DefaultPipelineTasks.noSandbox(probe, strace);
        if (missing.isPresent()) {
            lines.addAll(List.of("no sandbox: " + missing.get(),
                    "NOT READY: pipelines record this as an error and run nothing of the packages"));
            return new Result(false, lines);
        }
        Sandbox sandbox = probe.sandbox().get();
        lines.add("sandbox: " + sandbox.description());
        lines.add("strace: available");
        lines.add(trial(sandbox, jobs));
        boolean isolated = lines.get(lines.size() - 1).contains("network blocked")
                && !lines.get(lines.size() - 1).contains(": uid 0 ");
        if (!isolated) {
            lines.add("NOT READY: the trial run was not isolated as it must be");
        } else if (!tools.missing().isEmpty()) {
            lines.add("NOT READY: the tasks needing " + String.join(", ", tools.missing().stream()
                    .map(WorkerTools.Tool::name).toList()) + " end in error until installed (no restart needed)");
        } else {
            lines.add("ready: pipelines run their sandboxed tasks on this machine");
        }
        return new Result(isolated && tools.missing().isEmpty(), lines);
    }

    // Python started in the sandbox from a workspace under the work directory: unprivileged and without network.
    private static String trial(Sandbox sandbox, Path jobs) throws IOException, InterruptedException {
        Path workspace = Files.createTempDirectory(Files.createDirectories(jobs), "sandbox-check-");
        try {
            long start = System.nanoTime();
            SandboxResult trial = sandbox.run(SandboxCommand.of(workspace, List.of("/usr/bin/python3", "-c", TRIAL))
                    .withEnvironment(Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8"))
                    .withLimits(SandboxLimits.defaults().withWallTime(Duration.ofSeconds(30))));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            String output = (trial.stdout() + trial.stderr()).strip();
            return "trial run in " + jobs + " (" + millis + " ms): " + (output.isEmpty() || !trial.succeeded()
                    ? "exit " + trial.exitCode() + " " + output : output);
        } finally {
            JobRunner.deleteQuietly(workspace);
        }
    }
}
