package dev.assay.server.pipeline.workers;

import java.util.Set;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;

/**
 * Stands in for the sandboxed tasks when this machine cannot sandbox: an error naming why, so that a pipeline
 * never looks complete and untrusted code never runs unsandboxed.
 */
final class NoSandboxTask implements Task {

    static final String NAME = "sandbox";

    private final String why;

    NoSandboxTask(String why) {
        this.why = why;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<DataKey> consumes() {
        // the job, not the file: a commit's pipeline has no distribution file and must say why nothing ran too
        return Set.of(PipelineTasks.JOB);
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of();
    }

    @Override
    public TaskResult run(TaskContext context) {
        context.log("no sandbox: " + why);
        context.record("reason", why);
        return TaskResult.error("no sandbox: " + why + "; build, install, import and test did not run");
    }
}
