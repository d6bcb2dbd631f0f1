package dev.assay.tasks.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One command to run in a sandbox: nothing of the caller's environment is inherited, only
 * {@code environment}; {@code workingDirectory} is relative to the workspace.
 */
public record SandboxCommand(List<String> argv, Map<String, String> environment, Path workspace,
                             String workingDirectory, List<ReadOnlyBind> readOnlyBinds, byte[] stdin,
                             SandboxLimits limits) {

    public SandboxCommand {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
        readOnlyBinds = List.copyOf(readOnlyBinds);
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(limits, "limits");
        workingDirectory = workingDirectory == null ? "" : workingDirectory;
        stdin = stdin == null ? new byte[0] : stdin.clone();
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        Path resolved = Path.of("/w").resolve(workingDirectory).normalize();
        if (Path.of(workingDirectory).isAbsolute() || !resolved.startsWith("/w")) {
            throw new IllegalArgumentException("working directory must stay inside the workspace: "
                    + workingDirectory);
        }
    }

    /** A command with an empty environment, run in the workspace root with default limits. */
    public static SandboxCommand of(Path workspace, List<String> argv) {
        return new SandboxCommand(argv, Map.of(), workspace, "", List.of(), null, SandboxLimits.defaults());
    }

    public SandboxCommand withArgv(List<String> newArgv) {
        return new SandboxCommand(newArgv, environment, workspace, workingDirectory, readOnlyBinds, stdin, limits);
    }

    public SandboxCommand withEnvironment(Map<String, String> env) {
        return new SandboxCommand(argv, env, workspace, workingDirectory, readOnlyBinds, stdin, limits);
    }

    public SandboxCommand withLimits(SandboxLimits newLimits) {
        return new SandboxCommand(argv, environment, workspace, workingDirectory, readOnlyBinds, stdin, newLimits);
    }

    public SandboxCommand withReadOnlyBinds(List<ReadOnlyBind> binds) {
        return new SandboxCommand(argv, environment, workspace, workingDirectory, binds, stdin, limits);
    }

    public SandboxCommand withStdin(byte[] input) {
        return new SandboxCommand(argv, environment, workspace, workingDirectory, readOnlyBinds, input, limits);
    }

    public SandboxCommand withWorkingDirectory(String dir) {
        return new SandboxCommand(argv, environment, workspace, dir, readOnlyBinds, stdin, limits);
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }
}
