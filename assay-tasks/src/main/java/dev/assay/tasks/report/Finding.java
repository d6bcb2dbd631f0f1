package dev.assay.tasks.report;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing a report found.
 *
 * @param code     a stable, machine-readable identifier such as {@code network-attempt} or {@code pyflakes/F401}
 * @param message  one sentence for people
 * @param location where it was found, or {@code null} when it concerns the whole task
 */
public record Finding(Severity severity, String code, String message, Location location) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Finding of(Severity severity, String code, String message) {
        return new Finding(severity, code, message, null);
    }

    public Optional<Location> where() {
        return Optional.ofNullable(location);
    }
}
