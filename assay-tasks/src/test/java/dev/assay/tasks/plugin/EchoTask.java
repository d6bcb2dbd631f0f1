package dev.assay.tasks.plugin;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;

import java.util.Set;

/** A task registered in this module's test resources, standing in for a built-in found on the class path. */
public final class EchoTask implements Task {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public Set<DataKey> consumes() {
        return Set.of();
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of();
    }

    @Override
    public TaskResult run(TaskContext context) {
        context.log("echo");
        return TaskResult.passed();
    }
}
