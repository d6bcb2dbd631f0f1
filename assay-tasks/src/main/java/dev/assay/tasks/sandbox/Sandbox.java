package dev.assay.tasks.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs a command isolated from the host, within limits, and kills everything it left at the end. */
public interface Sandbox {

    /**
     * Runs the command to its end, its wall-clock limit or a resource limit, whichever comes first;
     * when this returns, no process the command started is alive.
     *
     * @throws IOException when the sandbox itself could not be set up (never for the command failing)
     */
    SandboxResult run(SandboxCommand command) throws IOException, InterruptedException;

    /** Where the command sees its workspace, e.g. to name a trace file on a command line. */
    String workspaceInside(Path workspace);

    /**
     * {@code argv} wrapped so that once it exits, whatever it left running in the sandbox is named and killed;
     * unchanged where the sandbox has no process namespace of its own to clear.
     */
    default List<String> supervised(List<String> argv) {
        return argv;
    }

    /** Probes this machine: the bubblewrap sandbox if it actually runs, otherwise why not. */
    static SandboxProbe probe() {
        return SandboxFactory.system().probe();
    }

    /** One line for logs and reports, e.g. "bubblewrap 0.8.0 as uid 65534, cgroup v1 memory+pids". */
    String description();
}
