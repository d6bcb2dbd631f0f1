package dev.assay.server.pipeline.downstream;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.server.accounts.Caller;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.queue.PipelineService;

/**
 * Reads a release's downstream re-tests as a reader may see them: every re-test counts, and a dependent the
 * reader may not read is neither named nor linked.
 */
@Service
public class DownstreamReports {

    private final DownstreamRepository runs;
    private final PipelineService pipelines;
    private final ProjectService projects;
    private final ReleaseLookup releases;

    DownstreamReports(DownstreamRepository runs, PipelineService pipelines, ProjectService projects,
            ReleaseLookup releases) {
        this.runs = runs;
        this.pipelines = pipelines;
        this.projects = projects;
        this.releases = releases;
    }

    /** The re-tests of {@code version} of the project, if the caller may read it (as installers are asked). */
    public DownstreamReport report(Optional<Caller> caller, String projectName, String version) {
        Project project = projects.clientReadable(caller, projectName);
        return of(caller, releases.release(project, version));
    }

    /** The re-tests of a release whose page the caller may read (the page checked). */
    public DownstreamReport of(Optional<Caller> caller, Release release) {
        List<DownstreamDependent> dependents = runs.runsOf(release.id()).stream()
                .map(run -> dependent(caller, run)).toList();
        return DownstreamReport.of(dependents);
    }

    private DownstreamDependent dependent(Optional<Caller> caller, DownstreamRepository.Run run) {
        PipelineView retest = pipelines.view(run.pipelineId());
        String baselineStatus = Optional.ofNullable(run.baselinePipelineId()).map(pipelines::view)
                .map(PipelineView::status).orElse(null);
        String outcome = DownstreamDependent.outcome(retest.status(), baselineStatus);
        boolean readable = projects.find(retest.project()).map(found -> projects.mayRead(caller, found)).orElse(false);
        if (!readable) {
            return new DownstreamDependent(null, null, null, null, retest.status(), baselineStatus, outcome);
        }
        return new DownstreamDependent(retest.project(), retest.version(), retest.id(), run.baselinePipelineId(),
                retest.status(), baselineStatus, outcome);
    }
}
