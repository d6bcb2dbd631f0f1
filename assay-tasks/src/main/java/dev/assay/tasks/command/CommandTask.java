package dev.assay.tasks.command;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * A {@link Task} that runs a configured command line: exit code 0 passes, another code fails, and each
 * produced key is the file the command wrote at its {@code {out:KEY}} path.
 */
public final class CommandTask implements Task {

    private final CommandTaskDefinition definition;
    private final CommandRunner runner;

    public CommandTask(CommandTaskDefinition definition, CommandRunner runner) {
        this.definition = definition;
        this.runner = runner;
    }

    @Override
    public String name() {
        return definition.name();
    }

    @Override
    public Set<DataKey> consumes() {
        return definition.consumes();
    }

    @Override
    public Set<DataKey> produces() {
        return definition.produces();
    }

    @Override
    public TaskResult run(TaskContext context) throws IOException, InterruptedException {
        Path outputs = Files.createDirectories(context.workspace().resolve(name()));
        List<String> command = expand(context, outputs);
        context.record("command", command);
        CommandResult result = runner.run(
                new CommandRequest(command, context.workspace(), Map.of(), context.remaining(), context::log));
        context.record("exitCode", result.exitCode());
        if (result.timedOut()) {
            return TaskResult.error("command was killed at the task's deadline");
        }
        if (result.exitCode() != 0) {
            return TaskResult.failed("command exited with code " + result.exitCode());
        }
        for (DataKey key : produces()) {
            Path product = outputs.resolve(key.name());
            if (!Files.exists(product)) {
                return TaskResult.failed("command did not write '" + key + "' to " + context.workspace()
                        .relativize(product));
            }
            context.publish(key, product);
        }
        return TaskResult.passed();
    }

    private List<String> expand(TaskContext context, Path outputs) {
        List<String> expanded = new ArrayList<>();
        for (String argument : definition.command()) {
            Matcher matcher = CommandTaskDefinition.PLACEHOLDER.matcher(argument);
            StringBuilder result = new StringBuilder();
            while (matcher.find()) {
                String value;
                if (matcher.group(2) != null) {
                    value = describe(context, context.inputs().get(DataKey.of(matcher.group(2))));
                } else if (matcher.group(3) != null) {
                    value = outputs.resolve(matcher.group(3)).toString();
                } else {
                    value = context.workspace().toString();
                }
                matcher.appendReplacement(result, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(result);
            expanded.add(result.toString());
        }
        return expanded;
    }

    // Relative paths are made absolute so the command finds the file whatever directory it changes to.
    private static String describe(TaskContext context, Object value) {
        return value instanceof Path path ? context.workspace().resolve(path).toString() : String.valueOf(value);
    }
}
