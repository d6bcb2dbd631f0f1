package dev.assay.server.pipeline.downstream;

import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.server.index.ProjectService;
import dev.assay.server.pipeline.RetestOf;
import dev.assay.server.pipeline.wheelhouse.IndexWheelhouse;

/**
 * Which new release a pipeline's wheelhouse must stage, and which release its pages say it re-tests for: a
 * downstream re-test's; none for any other pipeline.
 */
@Service
public class DownstreamPins {

    private final DownstreamRepository runs;
    private final ProjectService projects;

    DownstreamPins(DownstreamRepository runs, ProjectService projects) {
        this.runs = runs;
        this.projects = projects;
    }

    /** The release the pipeline re-tests its dependent against, if it is a downstream re-test. */
    public Optional<IndexWheelhouse.Pin> pin(long pipelineId) {
        return runs.pin(pipelineId);
    }

    /**
     * The library release a re-test is for, named only while everyone may read the library: the label shows on the
     * dependent's pages, whose readers need not be the library's (it was public when the re-test was queued).
     */
    public Optional<RetestOf> retestOf(long pipelineId) {
        return runs.pin(pipelineId).map(pin -> projects.find(pin.project())
                .filter(library -> projects.mayRead(Optional.empty(), library))
                .map(library -> new RetestOf(library.normalizedName(), pin.version()))
                .orElse(new RetestOf(null, null)));
    }
}
