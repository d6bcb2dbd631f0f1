package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.assay.server.config.AssayProperties;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.FindingView;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.builtin.SdistTask;
import dev.assay.tasks.builtin.SourceRebuildTask;
import dev.assay.tasks.execution.ExecutionListener;
import dev.assay.tasks.execution.ExecutionManager;
import dev.assay.tasks.execution.ExecutionPlan;
import dev.assay.tasks.execution.ExecutionReport;
import dev.assay.tasks.execution.ExecutionSettings;
import dev.assay.tasks.execution.PlanException;
import dev.assay.tasks.execution.TaskExecution;
import dev.assay.tasks.report.Report;
import dev.assay.tasks.report.Reporting;

/**
 * Runs one claimed job, for an in-process or a remote worker alike: stages the file under test (or the commit's
 * tree) from its {@link JobSource} into a fresh workspace, runs the pipeline's tasks with the
 * {@link ExecutionManager}, evaluates their reports, sends the tasks' raw-data files to be kept, and removes the
 * workspace.
 */
public final class JobRunner {

    private final PipelineTasks tasks;
    private final JobSource source;
    private final Duration taskTimeout;
    private final Path workRoot;
    private final Clock clock;

    /** Runs {@code tasks} on jobs from {@code source}, in workspaces under {@code workRoot}. */
    public JobRunner(PipelineTasks tasks, JobSource source, Duration taskTimeout, Path workRoot, Clock clock) {
        this.tasks = tasks;
        this.source = source;
        this.taskTimeout = taskTimeout;
        this.workRoot = workRoot;
        this.clock = clock;
    }

    /** Where job workspaces live: {@code DATA/pipeline-work}. */
    static Path workRoot(AssayProperties assay) {
        return assay.data().resolve("pipeline-work");
    }

    /** The job's task reports; a job that cannot be planned or staged is one {@code error} entry saying why. */
    List<TaskReport> run(ClaimedJob job, ExecutionListener listener) throws InterruptedException {
        Instant start = clock.instant();
        Path workspace;
        try {
            workspace = tasks.workRoot(workRoot).resolve("job-" + job.jobId() + "-" + job.attempt());
        } catch (IOException noWorkRoot) {
            return List.of(stageError(start, noWorkRoot));
        }
        try {
            Map<DataKey, Object> initial = job.testsCommit() ? stageCommit(job, workspace, listener)
                    : stage(job, workspace, listener);
            if (job.python() != null) {
                listener.logLine("stage", "runs on Python " + job.python());
            }
            List<Task> applicable = applicable(tasks.tasks(job), initial.keySet());
            if (applicable.isEmpty()) {
                throw new PlanException(List.of("no task of this worker applies to " + (job.testsCommit()
                        ? "a commit: building and testing one needs the sandboxed tasks (assay.pipeline.sandbox)"
                        : "the file " + job.filename())));
            }
            ExecutionPlan plan = ExecutionPlan.of(applicable, initial.keySet());
            ExecutionSettings settings = ExecutionSettings.defaults().withDefaultTimeout(taskTimeout);
            ExecutionReport report = new ExecutionManager(settings, clock).run(plan, initial, workspace, listener);
            Reporting reporting = new Reporting(tasks.evaluators());
            List<TaskReport> reports = report.tasks().stream()
                    .map(execution -> view(execution, reporting.evaluate(execution, workspace))).toList();
            report.tasks().forEach(execution -> keepRawFiles(job, execution, workspace, listener));
            return reports;
        } catch (PlanException | IOException cannotRun) {
            return List.of(stageError(start, cannotRun));
        } finally {
            deleteQuietly(workspace);
        }
    }

    private TaskReport stageError(Instant start, Exception cannotRun) {
        return new TaskReport("stage", "error", start, clock.instant(),
                Duration.between(start, clock.instant()).toMillis(), "error: " + cannotRun.getMessage(),
                List.of(), Map.of());
    }

    /**
     * Copies the file under test (and, for a wheel, its release's sdist, whose tests the test task runs — or,
     * when the release has none, the tree of the commit tagged as its version) into the workspace; the job's
     * initial data names them.
     */
    private Map<DataKey, Object> stage(ClaimedJob job, Path workspace, ExecutionListener listener)
            throws IOException {
        Path file = source.fetchDistribution(job, workspace.resolve("dist"));
        Map<DataKey, Object> initial = new LinkedHashMap<>();
        initial.put(PipelineTasks.DISTRIBUTION, file);
        initial.put(PipelineTasks.JOB, job);
        if (job.filename().endsWith(".whl")) {
            initial.put(DataKey.WHEEL, file);
            Optional<Path> sdist = source.fetchSdist(job, workspace.resolve("sdist"));
            if (sdist.isPresent()) {
                initial.put(DataKey.SDIST, sdist.get());
            } else if (job.gitCommit() != null) {
                // without an sdist, the release's tests come from the commit its version was tagged at
                CommitCheckout.Checkout tree = source.fetchSource(job, workspace.resolve("source"));
                listener.logLine("stage", "no sdist in release " + job.version() + ": its tests come from "
                        + job.gitRef() + ", commit " + job.gitCommit() + " (" + tree.files() + " file(s))");
                initial.put(SdistTask.SOURCE_TREE, tree.directory());
                initial.put(PipelineTasks.BUILD_SOURCE, tree.directory());
            }
        } else {
            initial.put(DataKey.SDIST, file);
            initial.put(PipelineTasks.BUILD_SOURCE, file);
        }
        if (job.gitCommit() != null) {
            // a copy of its own: the rebuild writes its build output into the tree it builds
            CommitCheckout.Checkout tagged = source.fetchSource(job, workspace.resolve("tagged"));
            listener.logLine("stage", "release " + job.version() + "'s source is " + job.gitRef() + ", commit "
                    + job.gitCommit() + ": the rebuild builds its " + tagged.files() + " file(s)");
            initial.put(SourceRebuildTask.TAGGED_TREE, tagged.directory());
            initial.put(SourceRebuildTask.COMMIT_TIME, tagged.commitTime());
        }
        return initial;
    }

    /** Writes the commit's tree into the workspace; the job's initial data names it. */
    private Map<DataKey, Object> stageCommit(ClaimedJob job, Path workspace, ExecutionListener listener)
            throws IOException {
        CommitCheckout.Checkout tree = source.fetchSource(job, workspace.resolve("source"));
        listener.logLine("stage", "checked out " + job.gitCommit() + ": " + tree.files() + " file(s), "
                + tree.bytes() + " bytes" + (tree.leftOut().isEmpty() ? ""
                        : "; left out (links, submodules): " + String.join(", ", tree.leftOut())));
        Map<DataKey, Object> initial = new LinkedHashMap<>();
        initial.put(SdistTask.SOURCE_TREE, tree.directory());
        initial.put(PipelineTasks.BUILD_SOURCE, tree.directory());
        initial.put(PipelineTasks.JOB, job);
        return initial;
    }

    /**
     * The tasks that apply to this job: not those producing what the job already has (no build for a wheel),
     * nor those needing data that nothing provides (no test without an sdist).
     */
    static List<Task> applicable(List<Task> all, Set<DataKey> initial) {
        List<Task> kept = all.stream().filter(task -> task.produces().stream().noneMatch(initial::contains))
                .collect(Collectors.toCollection(ArrayList::new));
        boolean changed = true;
        while (changed) {
            Set<DataKey> available = new HashSet<>(initial);
            kept.forEach(task -> available.addAll(task.produces()));
            changed = kept.removeIf(task -> !available.containsAll(task.consumes()));
        }
        return kept;
    }

    /**
     * Sends the execution's raw-data files to be kept, the way a remote worker uploads them; a file that is
     * gone or badly named is left out with a log line, and a lost lease stops the job.
     */
    private void keepRawFiles(ClaimedJob job, TaskExecution execution, Path workspace, ExecutionListener listener) {
        // by name, so that which file the per-job limit cuts does not depend on a map's order
        new TreeMap<>(execution.rawData().files()).forEach((name, relative) -> {
            Path file = workspace.resolve(relative);
            try {
                source.attach(job, execution.task(), name, file);
            } catch (IOException | UncheckedIOException | InvalidInputException notKept) {
                listener.logLine(execution.task(), "raw-data file " + name + " not kept: " + notKept.getMessage());
            }
        });
    }

    static TaskReport view(TaskExecution execution, Report report) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("values", execution.rawData().values());
        Map<String, String> files = new LinkedHashMap<>();
        execution.rawData().files().forEach((name, path) -> files.put(name, path.toString()));
        raw.put("files", files);
        return new TaskReport(execution.task(), execution.outcome().name().toLowerCase(Locale.ROOT), execution.start(),
                execution.end(), execution.duration().toMillis(), report.summary(),
                report.findings().stream().map(FindingView::of).toList(), raw);
    }

    /** Removes a directory and what it holds; a leftover is harmless. */
    public static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover workspace is harmless: the next attempt uses another directory
        }
    }
}
