package dev.assay.server.pipeline.plugins;

import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.tasks.execution.PlanException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.assay.server.pipeline.workers.PipelineTasks;
import dev.assay.tasks.Task;
import dev.assay.tasks.report.ReportEvaluator;

/**
 * A worker's tasks as the server's switches leave them: its built-in tasks and the tasks added by plugins and
 * configuration, each disabled one replaced by a {@link SwitchedOffTask}. The switches are asked for at every job, so
 * a change reaches every worker at its next job.
 */
public final class SwitchedTasks implements PipelineTasks {

    private final PipelineTasks builtIns;
    private final List<Task> added;
    private final List<ReportEvaluator> addedEvaluators;
    private final Set<String> addedNames;
    private final Supplier<TaskState> state;

    /** {@code builtIns} and the tasks {@code catalog} adds, switched as {@code state} says at each job. */
    public SwitchedTasks(PipelineTasks builtIns, TaskCatalog catalog, Supplier<TaskState> state) {
        this.builtIns = builtIns;
        this.added = catalog.added();
        this.addedEvaluators = catalog.evaluators();
        this.addedNames = this.added.stream().map(Task::name).collect(Collectors.toUnmodifiableSet());
        this.state = state;
    }

    @Override
    public List<Task> tasks() {
        return switched(builtIns.tasks());
    }

    /** The built-in tasks for {@code job} (those of its Python version), the added ones, switched. */
    @Override
    public List<Task> tasks(ClaimedJob job) throws PlanException {
        return switched(builtIns.tasks(job));
    }

    private List<Task> switched(List<Task> builtInTasks) {
        TaskState now = state.get();
        List<Task> all = new ArrayList<>(builtInTasks);
        all.addAll(added);
        return all.stream()
                .map(task -> now.runs(task.name(), !addedNames.contains(task.name())) ? task : new SwitchedOffTask(task))
                .toList();
    }

    @Override
    public List<ReportEvaluator> evaluators() {
        List<ReportEvaluator> all = new ArrayList<>(builtIns.evaluators());
        all.addAll(addedEvaluators);
        return all;
    }

    @Override
    public Path workRoot(Path configured) throws IOException {
        return builtIns.workRoot(configured);
    }
}
