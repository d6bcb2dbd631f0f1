package dev.assay.server.pipeline.wheelhouse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.assay.packaging.requirement.MarkerEnvironment;
import dev.assay.packaging.requirement.Requirement;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.workers.JobSource;
import dev.assay.server.pipeline.workers.PipelineTasks;
import dev.assay.server.pipeline.workers.WorkerMarkers;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.builtin.BuildSystem;
import dev.assay.tasks.builtin.BuildTask;
import dev.assay.tasks.builtin.BuildWheelhouse;

/**
 * {@code build-wheelhouse}: reads the {@code [build-system] requires} of the sources a build backend will run on
 * (the uploaded sdist, or a commit's tree: {@link PipelineTasks#BUILD_SOURCE}) on the host, and stages the wheels
 * they resolve to from this index (and its upstreams for names it does not host), like {@link WheelhouseTask}, for
 * {@code sdist} and {@code build}. It passes when some cannot be staged: the build then uses the worker's Python, and
 * the raw data says which are missing.
 */
public final class BuildWheelhouseTask implements Task {

    static final String NAME = "build-wheelhouse";

    private final JobSource source;
    private final WorkerMarkers markers;

    public BuildWheelhouseTask(JobSource source, WorkerMarkers markers) {
        this.source = source;
        this.markers = markers;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<DataKey> consumes() {
        return Set.of(PipelineTasks.JOB, PipelineTasks.BUILD_SOURCE);
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of(BuildTask.BUILD_WHEELHOUSE);
    }

    @Override
    public TaskResult run(TaskContext context) throws IOException, InterruptedException {
        ClaimedJob job = context.input(PipelineTasks.JOB, ClaimedJob.class);
        List<String> requires;
        try {
            requires = BuildSystem.requires(context.workspace().resolve(context.input(PipelineTasks.BUILD_SOURCE,
                    Path.class)));
        } catch (IOException unreadable) {
            // the build reads the same pyproject.toml and fails with the backend's own message
            context.record("error", unreadable.getMessage());
            context.publish(BuildTask.BUILD_WHEELHOUSE, BuildWheelhouse.none());
            return TaskResult.passed("the build requirements cannot be read (" + unreadable.getMessage()
                    + "); the build uses the worker's Python");
        }
        context.record("requires", requires);
        List<String> valid = new ArrayList<>();
        List<IndexWheelhouse.Unresolved> unresolved = new ArrayList<>();
        for (String requirement : requires) {
            try {
                Requirement.parse(requirement);
                valid.add(requirement);
            } catch (RuntimeException invalid) {
                unresolved.add(new IndexWheelhouse.Unresolved(requirement, "invalid-requirement",
                        "is not a valid requirement: " + invalid.getMessage()));
            }
        }
        MarkerEnvironment environment = markers.environment();
        context.record("python", environment.pythonFullVersion());
        Path wheelhouse = context.workspace().resolve(NAME);
        IndexWheelhouse.Resolution resolution = source.stageBuildRequirements(job, valid, environment, wheelhouse);
        unresolved.addAll(resolution.unresolved());
        WheelhouseTask.record(context, resolution.staged(), unresolved);
        List<String> missing = unresolved.stream().map(IndexWheelhouse.Unresolved::requirement).toList();
        context.publish(BuildTask.BUILD_WHEELHOUSE, new BuildWheelhouse(requires, wheelhouse, missing));
        return TaskResult.passed(missing.isEmpty()
                ? "build requirements " + String.join(", ", requires) + " staged from the index: "
                        + resolution.staged().size() + " wheel(s)"
                : "build requirements not in this index: " + String.join(", ", missing)
                        + "; the build uses the worker's Python");
    }
}
