package dev.assay.server.cli;

import org.springframework.core.NestedExceptionUtils;

import dev.assay.server.error.AssayException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: its subcommands are the server and the admin commands. */
@Command(name = "assay", mixinStandardHelpOptions = true, version = "Assay 0.1.0",
        description = "A self-hosted Python package forge.",
        subcommands = {ServeCommand.class, UserCommand.class, TokenCommand.class, SandboxCommand.class, WorkerCommand.class,
                PluginsCommand.class})
public final class AssayCommand {

    /** The exit code a command returns when it started something that keeps running (the server). */
    public static final int KEEP_RUNNING = -1;

    /** Runs the command line and returns the process exit code, or {@link #KEEP_RUNNING}. */
    public static int execute(String... args) {
        return new CommandLine(new AssayCommand())
                .setExecutionExceptionHandler(AssayCommand::report)
                .execute(args);
    }

    private static int report(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        AssayException domain = findDomainFailure(failure);
        String message = domain != null ? domain.getMessage() : cause.getMessage();
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + message);
        return domain != null ? 1 : 2;
    }

    private static AssayException findDomainFailure(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof AssayException domain) {
                return domain;
            }
        }
        return null;
    }
}
