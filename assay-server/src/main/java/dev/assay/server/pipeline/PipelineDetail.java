package dev.assay.server.pipeline;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A pipeline with its log, for {@code GET /api/v1/pipelines/{id}} and the pipeline page. */
public record PipelineDetail(@JsonUnwrapped PipelineView pipeline, List<LogLine> log) {
}
