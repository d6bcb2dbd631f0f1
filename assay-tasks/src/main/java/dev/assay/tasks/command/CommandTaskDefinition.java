package dev.assay.tasks.command;

import dev.assay.tasks.DataKey;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task declared in configuration: a name, the data it consumes and produces, and a command line.
 *
 * <p>Arguments may contain placeholders: {@code {workspace}} for the job workspace, {@code {in:KEY}} for
 * the path or value of a consumed key, and {@code {out:KEY}} for the file where the command must write a
 * produced key ({@code <workspace>/<task name>/<KEY>}).
 */
public record CommandTaskDefinition(String name, Set<DataKey> consumes, Set<DataKey> produces,
                                    List<String> command) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(workspace|in:([^}]*)|out:([^}]*))}");

    public CommandTaskDefinition {
        Objects.requireNonNull(name, "name");
        consumes = Set.copyOf(consumes);
        produces = Set.copyOf(produces);
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command task '" + name + "' has an empty command line");
        }
        for (String argument : command) {
            checkPlaceholders(name, argument, consumes, produces);
        }
    }

    private static void checkPlaceholders(String name, String argument, Set<DataKey> consumes,
                                          Set<DataKey> produces) {
        Matcher matcher = PLACEHOLDER.matcher(argument);
        while (matcher.find()) {
            if (matcher.group(2) != null && !consumes.contains(DataKey.of(matcher.group(2)))) {
                throw new IllegalArgumentException("command task '" + name + "' uses {in:" + matcher.group(2)
                        + "} but does not consume '" + matcher.group(2) + "'");
            }
            if (matcher.group(3) != null && !produces.contains(DataKey.of(matcher.group(3)))) {
                throw new IllegalArgumentException("command task '" + name + "' uses {out:" + matcher.group(3)
                        + "} but does not produce '" + matcher.group(3) + "'");
            }
        }
    }
}
