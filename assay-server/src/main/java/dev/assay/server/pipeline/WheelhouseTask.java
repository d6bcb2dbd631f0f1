package dev.assay.server.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.assay.packaging.requirement.MarkerEnvironment;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.builtin.InstallTask;

/**
 * Stages the job's dependencies from the index (through the worker's {@link JobSource}) into the workspace's wheelhouse, on the host (outside the
 * sandbox: it reads the store, runs nothing of the package): a release's as the index knows them, a commit's
 * as the wheel built from it declares them (which is why it waits for the wheel). It passes even when a
 * requirement is missing, so that {@code install} runs and fails with pip's own message; the report names the
 * missing requirement.
 */
final class WheelhouseTask implements Task {

    static final String NAME = "wheelhouse";

    private final JobSource source;
    private final Path python;
    private volatile MarkerEnvironment environment;

    WheelhouseTask(JobSource source, Path python) {
        this.source = source;
        this.python = python;
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
        MarkerEnvironment markers = environment();
        context.record("python", markers.pythonFullVersion());
        Path wheelhouse = context.workspace().resolve("wheelhouse");
        IndexWheelhouse.Resolution resolution = source.stageDependencies(job,
                context.workspace().resolve(context.input(DataKey.WHEEL, Path.class)), markers, wheelhouse);
        resolution.staged().forEach(staged -> context.log("staged " + staged.filename() + " for " + staged.requirement()));
        resolution.unresolved().forEach(missing -> context.log("not staged: '" + missing.requirement() + "' "
                + missing.reason()));
        context.record("staged", resolution.staged());
        context.record("unresolved", resolution.unresolved());
        context.publish(InstallTask.WHEELHOUSE, wheelhouse);
        return TaskResult.passed(resolution.staged().size() + " dependency wheel(s) from the index"
                + (resolution.unresolved().isEmpty() ? "" : ", not in the index for this Python: "
                        + String.join(", ", resolution.unresolved().stream().map(IndexWheelhouse.Unresolved::requirement)
                                .toList())));
    }

    // The markers of the interpreter the sandboxed tasks use, asked once: its version and platform decide
    // which requirements apply.
    private MarkerEnvironment environment() throws IOException, InterruptedException {
        MarkerEnvironment known = environment;
        if (known == null) {
            Process process = new ProcessBuilder(python.toString(), "-c",
                    "import platform, sys; print(platform.python_version()); print(sys.platform); print(platform.machine())")
                    .redirectErrorStream(true).start();
            List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || lines.size() < 3) {
                throw new IOException("cannot ask " + python + " for its version: " + String.join(" ", lines));
            }
            known = MarkerEnvironment.cpython(lines.get(0), lines.get(1), lines.get(2));
            environment = known;
        }
        return known;
    }
}
