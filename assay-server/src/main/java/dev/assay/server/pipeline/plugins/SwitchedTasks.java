package dev.assay.server.pipeline.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.workers.PipelineTasks;
import dev.assay.tasks.Task;
import dev.assay.tasks.execution.PlanException;
import dev.assay.tasks.report.ReportEvaluator;

/**
 * A worker's tasks as the server's switches leave them: its built-in tasks, the tasks of its own plugin jars and the
 * server's command tasks, each disabled one replaced by a {@link SwitchedOffTask}. The switches and the command tasks'
 * definitions are asked for at every job, so a change reaches every worker, in-process or remote, at its next job.
 */
public final class SwitchedTasks implements PipelineTasks {

    private final PipelineTasks builtIns;
    private final List<Task> plugins;
    private final Set<String> pluginNames;
    private final CommandTasks commands;
    private final Supplier<TaskState> state;

    /** {@code builtIns}, the plugin tasks of {@code catalog} and the command tasks, switched as {@code state} says. */
    public SwitchedTasks(PipelineTasks builtIns, TaskCatalog catalog, Supplier<TaskState> state) {
        this.builtIns = builtIns;
        this.plugins = catalog.plugins();
        this.pluginNames = plugins.stream().map(Task::name).collect(Collectors.toUnmodifiableSet());
        this.commands = new CommandTasks(catalog.commandRunner());
        this.state = state;
    }

    @Override
    public List<Task> tasks() {
        return switched(builtIns.tasks(), state.get());
    }

    /** The built-in tasks for {@code job} (those of its Python version), the added ones, switched. */
    @Override
    public List<Task> tasks(ClaimedJob job) throws PlanException {
        TaskState now = state.get();
        try {
            return switched(builtIns.tasks(job), now);
        } catch (IllegalArgumentException badDefinition) {
            throw new PlanException(List.of(badDefinition.getMessage()));
        }
    }

    private List<Task> switched(List<Task> builtInTasks, TaskState now) {
        Set<String> taken = new HashSet<>(pluginNames);
        builtInTasks.forEach(task -> taken.add(task.name()));
        List<Task> all = new ArrayList<>(builtInTasks);
        all.addAll(plugins);
        // a task of this worker's own keeps its name, as in the server's list, where it was installed first
        commands.tasks(now.commands()).stream().filter(task -> !taken.contains(task.name())).forEach(all::add);
        Set<String> builtIn = builtInTasks.stream().map(Task::name).collect(Collectors.toSet());
        return all.stream()
                .map(task -> now.runs(task.name(), builtIn.contains(task.name())) ? task : new SwitchedOffTask(task))
                .toList();
    }

    @Override
    public List<ReportEvaluator> evaluators() {
        List<ReportEvaluator> all = new ArrayList<>(builtIns.evaluators());
        all.addAll(commands.evaluators());
        return all;
    }

    @Override
    public Path workRoot(Path configured) throws IOException {
        return builtIns.workRoot(configured);
    }
}
