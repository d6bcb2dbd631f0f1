package dev.assay.tasks.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Development only ({@code --unsafe-no-sandbox}): runs the command directly on the host with no
 * isolation and no limits but wall time, warning loudly on every run.
 */
public final class UnsandboxedRunner implements Sandbox {

    private static final System.Logger LOG = System.getLogger(UnsandboxedRunner.class.getName());

    @Override
    public SandboxResult run(SandboxCommand command) throws IOException, InterruptedException {
        LOG.log(System.Logger.Level.WARNING, "UNSANDBOXED: running untrusted code directly on the host with"
                + " the worker's privileges and network: {0}", command.argv());
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", "cd \"$0\" && exec \"$@\"",
                command.workspace().resolve(command.workingDirectory()).toString()));
        argv.addAll(command.argv());
        ProcessRunner.Outcome outcome = ProcessRunner.run(argv,
                command.environment(), command.stdin(), command.limits().wallTime(), ProcessRunner::killDescendants);
        return new SandboxResult(outcome.exitCode(), OptionalInt.empty(), outcome.timedOut(),
                outcome.timedOut() ? Set.of(Limit.WALL_TIME) : Set.of(), outcome.stdout().text(),
                outcome.stdout().total(), outcome.stderr().text(), outcome.stderr().total(), outcome.duration(),
                List.of(new EnforcedLimit(Limit.WALL_TIME, "timer only; UNSANDBOXED")), List.of());
    }

    @Override
    public String workspaceInside(Path workspace) {
        return workspace.toAbsolutePath().toString();
    }

    @Override
    public String description() {
        return "UNSANDBOXED (development only): no isolation, no limits but wall time";
    }
}
