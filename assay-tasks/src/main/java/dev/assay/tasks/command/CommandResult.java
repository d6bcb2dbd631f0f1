package dev.assay.tasks.command;

/** How a command ended: its exit code, and whether it was killed for exceeding its wall time. */
public record CommandResult(int exitCode, boolean timedOut) {

    public static CommandResult exited(int exitCode) {
        return new CommandResult(exitCode, false);
    }

    public static CommandResult killedAfterTimeout() {
        return new CommandResult(-1, true);
    }
}
