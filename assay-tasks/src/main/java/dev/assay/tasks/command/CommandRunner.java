package dev.assay.tasks.command;

import java.io.IOException;

/** Runs a command line somewhere: in the sandbox in production, as a plain process in tests. */
public interface CommandRunner {

    /**
     * Runs {@code request} to completion and reports how it ended. Output lines go to
     * {@link CommandRequest#output()} as they appear. When the command exceeds
     * {@link CommandRequest#timeout()}, the runner kills it with every process it started and returns
     * {@link CommandResult#killedAfterTimeout()}; when the calling thread is interrupted it does the same
     * and throws {@link InterruptedException}.
     *
     * @throws IOException if the command cannot be started
     */
    CommandResult run(CommandRequest request) throws IOException, InterruptedException;
}
