package dev.assay.server.pipeline.sourcematch;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.queue.PipelineService;
import dev.assay.tasks.builtin.SourceRebuildTask;

/** What the newest pipelines of a release's files rebuilt from its tagged commit, read from their raw data. */
@Component
class Rebuilds {

    /** The files rebuilt, or why none were: the rebuild task failed or has not run. */
    record Rebuild(List<RebuiltFile> files, Optional<String> problem) {
    }

    private final PipelineService pipelines;

    Rebuilds(PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    /** The newest pipeline of each of the release's files, whose rebuilds {@link #of} reads. */
    List<PipelineView> latest(long releaseId) {
        return pipelines.latestPerFile(releaseId);
    }

    /** The newest rebuild among these pipelines that passed, else the last one's failure, else nothing. */
    Optional<Rebuild> of(List<PipelineView> latest) {
        List<TaskReport> rebuilds = latest.stream()
                .flatMap(pipeline -> pipeline.tasks().stream())
                .filter(task -> task.name().equals(SourceRebuildTask.NAME)).toList();
        Optional<Rebuild> passed = rebuilds.stream().filter(task -> task.outcome().equals("passed"))
                .map(task -> new Rebuild(RebuiltFile.fromRawValues(values(task).get("files")), Optional.empty()))
                .filter(rebuild -> !rebuild.files().isEmpty()).findFirst();
        if (passed.isPresent() || rebuilds.isEmpty()) {
            return passed;
        }
        TaskReport failed = rebuilds.get(rebuilds.size() - 1);
        return Optional.of(new Rebuild(List.of(), Optional.of("the rebuild " + failed.outcome() + ": "
                + failed.summary())));
    }

    private static Map<?, ?> values(TaskReport task) {
        return task.rawData().get("values") instanceof Map<?, ?> values ? values : Map.of();
    }
}
