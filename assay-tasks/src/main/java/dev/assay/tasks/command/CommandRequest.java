package dev.assay.tasks.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A command to run: its argument vector, working directory, extra environment, wall-time limit, and where
 * each line of its merged standard output and error goes.
 */
public record CommandRequest(List<String> command, Path directory, Map<String, String> environment,
                             Duration timeout, Consumer<String> output) {

    public CommandRequest {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least a program");
        }
        Objects.requireNonNull(directory, "directory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(output, "output");
    }
}
