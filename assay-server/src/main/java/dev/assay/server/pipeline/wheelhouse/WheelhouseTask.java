package dev.assay.server.pipeline.wheelhouse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.assay.packaging.requirement.MarkerEnvironment;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.workers.JobSource;
import dev.assay.server.pipeline.workers.PipelineTasks;
import dev.assay.server.pipeline.workers.WorkerMarkers;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.builtin.InstallTask;

/**
 * Stages the job's dependencies from the index and its upstreams (through the worker's {@link JobSource}) into the workspace's wheelhouse, on the host (outside the
 * sandbox: it reads the store, runs nothing of the package): a release's as the index knows them, a commit's
 * as the wheel built from it declares them (which is why it waits for the wheel). It passes even when a
 * requirement is missing, so that {@code install} runs and fails with pip's own message; the report names the
 * missing requirement.
 */
public final class WheelhouseTask implements Task {

    static final String NAME = "wheelhouse";

    private final JobSource source;
    private final WorkerMarkers markers;

    public WheelhouseTask(JobSource source, WorkerMarkers markers) {
        this.source = source;
        this.markers = markers;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<DataKey> consumes() {
        return Set.of(PipelineTasks.JOB, DataKey.WHEEL);
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of(InstallTask.WHEELHOUSE);
    }

    @Override
    public TaskResult run(TaskContext context) throws IOException, InterruptedException {
        ClaimedJob job = context.input(PipelineTasks.JOB, ClaimedJob.class);
        MarkerEnvironment environment = markers.environment();
        context.record("python", environment.pythonFullVersion());
        Path wheelhouse = context.workspace().resolve("wheelhouse");
        IndexWheelhouse.Resolution resolution = source.stageDependencies(job,
                context.workspace().resolve(context.input(DataKey.WHEEL, Path.class)), environment, wheelhouse);
        record(context, resolution.staged(), resolution.unresolved());
        context.publish(InstallTask.WHEELHOUSE, wheelhouse);
        long fromUpstream = resolution.staged().stream().filter(staged -> staged.upstream() != null).count();
        return TaskResult.passed(resolution.staged().size() + " dependency wheel(s) from the index"
                + (fromUpstream == 0 ? "" : " (" + fromUpstream + " from upstream)")
                + (resolution.unresolved().isEmpty() ? "" : ", not in the index for this Python: "
                        + String.join(", ", resolution.unresolved().stream().map(IndexWheelhouse.Unresolved::requirement)
                                .toList())));
    }

    /** Logs and records ({@code staged}, {@code unresolved}) what was staged and what the index lacks. */
    static void record(TaskContext context, List<IndexWheelhouse.Staged> staged,
            List<IndexWheelhouse.Unresolved> unresolved) {
        staged.forEach(wheel -> context.log("staged " + wheel.filename() + " for " + wheel.requirement()));
        unresolved.forEach(missing -> context.log("not staged: '" + missing.requirement() + "' " + missing.reason()));
        context.record("staged", staged);
        context.record("unresolved", unresolved);
    }
}
