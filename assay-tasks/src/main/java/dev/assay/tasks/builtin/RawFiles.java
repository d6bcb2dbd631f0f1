package dev.assay.tasks.builtin;

import dev.assay.tasks.execution.TaskExecution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Reading an execution's attached raw-data files and phrasing its summary, for the built-in evaluators. */
final class RawFiles {

    private RawFiles() {
    }

    /** The attached file {@code name}, resolved against the workspace, if it was attached and still exists. */
    static Optional<Path> file(TaskExecution execution, Path workspace, String name) {
        Path relative = execution.rawData().files().get(name);
        if (relative == null) {
            return Optional.empty();
        }
        Path file = workspace.resolve(relative);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The text of the attached file {@code name}, or empty. */
    static String text(TaskExecution execution, Path workspace, String name) {
        return file(execution, workspace, name).map(file -> {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse("");
    }

    /** "passed", or "failed: the message", from the execution's outcome and message. */
    static String outcomeLine(TaskExecution execution) {
        String outcome = execution.outcome().name().toLowerCase(Locale.ROOT);
        String message = execution.message();
        return message.isBlank() ? outcome : message.startsWith(outcome) ? message : outcome + ": " + message;
    }
}
