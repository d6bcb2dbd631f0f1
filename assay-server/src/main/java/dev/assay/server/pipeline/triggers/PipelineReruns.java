package dev.assay.server.pipeline.triggers;

import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.server.accounts.Caller;
import dev.assay.server.index.ProjectService;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.queue.PipelineService;

/**
 * Re-runs a pipeline for its subject, the same file or the same commit and ref, through the services that queue
 * those, so that their rules (owners, maintainers and administrators) decide.
 */
@Service
public class PipelineReruns {

    private final PipelineService files;
    private final CommitPipelines commits;
    private final ProjectService projects;
    private final MirroredFilePipelines mirrored;

    PipelineReruns(PipelineService files, CommitPipelines commits, ProjectService projects,
            MirroredFilePipelines mirrored) {
        this.mirrored = mirrored;
        this.files = files;
        this.commits = commits;
        this.projects = projects;
    }

    /** Queues a new pipeline of the same subject with trigger {@code manual}; the 404 of a missing one for outsiders. */
    public PipelineView rerun(Caller caller, long id) {
        PipelineView pipeline = files.readableView(Optional.of(caller), id);
        if (pipeline.ofMirroredFile()) {
            return mirrored.start(caller, pipeline.project(), pipeline.filename());
        }
        if (pipeline.filename() != null) {
            return files.rerun(caller, pipeline.project(), pipeline.version(), Optional.of(pipeline.filename()))
                    .get(0);
        }
        return commits.rerun(caller, pipeline.project(), pipeline.gitCommit(), Optional.ofNullable(pipeline.gitRef()));
    }

    /**
     * Whether the caller holds the role {@link #rerun} asks for, for the page that offers it (signed in with a
     * password: the services check a token's scopes themselves).
     */
    public boolean mayRerun(Optional<Caller> caller, PipelineView pipeline) {
        if (pipeline.ofMirroredFile()) {
            return caller.map(Caller::isAdmin).orElse(false);
        }
        return projects.mayManage(caller, projects.project(pipeline.project()));
    }
}
