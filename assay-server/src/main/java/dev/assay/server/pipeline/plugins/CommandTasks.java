package dev.assay.server.pipeline.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.assay.tasks.Task;
import dev.assay.tasks.command.CommandRunner;
import dev.assay.tasks.command.CommandTask;
import dev.assay.tasks.report.ReportEvaluator;

/**
 * The command tasks a worker runs, built from the definitions the server sends with its task switches before each
 * job (the server's {@code assay.pipeline.command-tasks}), so that an in-process and a remote worker run the same
 * ones; they run in this machine's sandbox through its {@link CommandRunner}.
 */
final class CommandTasks {

    /** One command task and the evaluator of its report. */
    record Command(CommandTask task, CommandTaskReport report) {
    }

    private record Built(List<CommandTaskProperties> definitions, List<Task> tasks, List<ReportEvaluator> evaluators) {
    }

    private final CommandRunner runner;
    private final AtomicReference<Built> last = new AtomicReference<>(new Built(List.of(), List.of(), List.of()));

    CommandTasks(CommandRunner runner) {
        this.runner = runner;
    }

    /** The task {@code definition} describes, checked; a bad one is refused, naming {@code setting}. */
    static Command build(String setting, CommandTaskProperties definition, CommandRunner runner) {
        CommandTask task = new CommandTask(definition.definition(setting), runner);
        return new Command(task, new CommandTaskReport(task.name(), definition.findingPattern(setting),
                definition.findingSeverity(setting)));
    }

    /** The tasks of {@code definitions}; built again only when they change, which takes a restart of the server. */
    List<Task> tasks(List<CommandTaskProperties> definitions) {
        Built built = last.get();
        if (!built.definitions().equals(definitions)) {
            built = build(definitions);
            last.set(built);
        }
        return built.tasks();
    }

    /** The evaluators of the tasks built last. */
    List<ReportEvaluator> evaluators() {
        return last.get().evaluators();
    }

    private Built build(List<CommandTaskProperties> definitions) {
        List<Task> tasks = new ArrayList<>();
        List<ReportEvaluator> evaluators = new ArrayList<>();
        for (CommandTaskProperties definition : definitions) {
            Command command = build("the server's command task '" + definition.name() + "'", definition, runner);
            tasks.add(command.task());
            evaluators.add(command.report());
        }
        return new Built(List.copyOf(definitions), List.copyOf(tasks), List.copyOf(evaluators));
    }
}
