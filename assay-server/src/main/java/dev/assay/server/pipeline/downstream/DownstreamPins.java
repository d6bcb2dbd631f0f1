package dev.assay.server.pipeline.downstream;

import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.server.pipeline.wheelhouse.IndexWheelhouse;

/** Which new release a pipeline's wheelhouse must stage: a downstream re-test's; none for any other pipeline. */
@Service
public class DownstreamPins {

    private final DownstreamRepository runs;

    DownstreamPins(DownstreamRepository runs) {
        this.runs = runs;
    }

    /** The release the pipeline re-tests its dependent against, if it is a downstream re-test. */
    public Optional<IndexWheelhouse.Pin> pin(long pipelineId) {
        return runs.pin(pipelineId);
    }
}
