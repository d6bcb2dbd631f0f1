package dev.assay.server.pipeline;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.assay.tasks.Task;
import dev.assay.tasks.report.ReportEvaluator;

/** The tasks that run today: the in-process {@code metadata} check (the sandboxed Python tasks come next). */
@Component
class DefaultPipelineTasks implements PipelineTasks {

    @Override
    public List<Task> tasks() {
        return List.of(new MetadataTask());
    }

    @Override
    public List<ReportEvaluator> evaluators() {
        return List.of(new MetadataReport());
    }
}
