package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.storage.ScratchSpace;
import dev.assay.tasks.execution.ExecutionManager;
import dev.assay.tasks.execution.ExecutionPlan;
import dev.assay.tasks.execution.ExecutionReport;
import dev.assay.tasks.execution.ExecutionSettings;
import dev.assay.tasks.execution.TaskExecution;
import dev.assay.tasks.report.Reporting;

/**
 * The {@code metadata} check of a remote worker's job, run on the server when the result arrives: it reads the
 * stored file (no package code runs), so it needs the server's validator, not a sandbox.
 */
@Component
class ServerMetadata {

    private final ScratchSpace scratch;
    private final Clock clock;

    ServerMetadata(ScratchSpace scratch, Clock clock) {
        this.scratch = scratch;
        this.clock = clock;
    }

    /**
     * The worker's task reports, preceded by the metadata check of the file under test ({@code file}, empty for a
     * commit) when they lack one.
     */
    List<TaskReport> complete(Optional<Path> file, List<TaskReport> tasks) throws InterruptedException {
        if (file.isEmpty() || tasks == null || tasks.stream().anyMatch(task -> MetadataTask.NAME.equals(task.name()))) {
            return tasks;
        }
        Path stored = file.get();
        if (!Files.isRegularFile(stored)) {
            return tasks;
        }
        Path workspace;
        try {
            workspace = scratch.newDirectory("metadata-");
        } catch (IOException cannot) {
            throw new java.io.UncheckedIOException(cannot);
        }
        try {
            ExecutionReport report = new ExecutionManager(ExecutionSettings.defaults(), clock).run(
                    ExecutionPlan.of(List.of(new MetadataTask()), Set.of(PipelineTasks.DISTRIBUTION)),
                    Map.of(PipelineTasks.DISTRIBUTION, stored), workspace);
            Reporting reporting = new Reporting(List.of(new MetadataReport()));
            TaskExecution execution = report.task(MetadataTask.NAME);
            List<TaskReport> all = new ArrayList<>(List.of(JobRunner.view(execution, reporting.evaluate(execution, workspace))));
            all.addAll(tasks);
            return all;
        } finally {
            JobRunner.deleteQuietly(workspace);
        }
    }
}
