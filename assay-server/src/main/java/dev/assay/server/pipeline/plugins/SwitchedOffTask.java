package dev.assay.server.pipeline.plugins;

import java.util.Set;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;

/**
 * A disabled task in a job's plan: it declares what the task declares, so that the tasks consuming its data are
 * skipped because of it, and runs nothing.
 */
final class SwitchedOffTask implements Task {

    private final Task task;

    SwitchedOffTask(Task task) {
        this.task = task;
    }

    @Override
    public String name() {
        return task.name();
    }

    @Override
    public Set<DataKey> consumes() {
        return task.consumes();
    }

    @Override
    public Set<DataKey> produces() {
        return task.produces();
    }

    @Override
    public TaskResult run(TaskContext context) {
        return TaskResult.skipped("task '" + name() + "' is disabled by an administrator (assay plugins enable "
                + name() + " switches it on)");
    }
}
