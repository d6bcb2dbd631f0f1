package dev.assay.server.pipeline.plugins;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.command.CommandTaskDefinition;
import dev.assay.tasks.report.Severity;

/**
 * A command task as configured ({@code assay.pipeline.command-tasks[N].*}): run in the sandbox, it passes when the
 * command exits 0 and fails otherwise; each line of its output matching {@code findings} becomes a finding.
 *
 * @param command  the argument vector; {@code {workspace}}, {@code {in:KEY}} and {@code {out:KEY}} are replaced
 *                 (see {@link CommandTaskDefinition})
 * @param findings a regular expression for the output lines that are findings, with the named groups
 *                 {@code message} (else the whole line), and optionally {@code file} and {@code line}; null for none
 * @param severity the findings' severity: info, warning (default) or error
 */
public record CommandTaskProperties(String name, List<String> consumes, List<String> produces, List<String> command,
        String findings, String severity) {

    /** The definition the task runs, checked: a bad setting stops the start, naming it. */
    CommandTaskDefinition definition(String setting) {
        try {
            return new CommandTaskDefinition(name, keys(consumes), keys(produces), command == null ? List.of()
                    : command);
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw new IllegalArgumentException(setting + ": a command task needs a name and a command line: "
                    + invalid.getMessage(), invalid);
        }
    }

    /** The output lines that are findings, or null. */
    Pattern findingPattern(String setting) {
        try {
            return findings == null || findings.isBlank() ? null : Pattern.compile(findings);
        } catch (PatternSyntaxException invalid) {
            throw new IllegalArgumentException(setting + ".findings is not a regular expression: "
                    + invalid.getDescription(), invalid);
        }
    }

    Severity findingSeverity(String setting) {
        String level = severity == null ? "warning" : severity.toLowerCase(Locale.ROOT);
        return switch (level) {
            case "info" -> Severity.INFO;
            case "warning" -> Severity.WARNING;
            case "error" -> Severity.ERROR;
            default -> throw new IllegalArgumentException(setting + ".severity must be info, warning or error, was '"
                    + severity + "'");
        };
    }

    private static java.util.Set<DataKey> keys(List<String> names) {
        return names == null ? java.util.Set.of()
                : names.stream().map(DataKey::of).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
