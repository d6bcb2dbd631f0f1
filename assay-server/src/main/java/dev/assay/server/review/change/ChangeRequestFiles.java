package dev.assay.server.review.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.error.NotFoundException;
import dev.assay.server.git.browse.BlobPage;
import dev.assay.server.git.browse.SourceService;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;
import dev.assay.server.review.thread.DiscussionFiles;

/**
 * The files of a change request's revisions, as inline threads read them: iteration R is revision R, and a path
 * is the file's path in the repository at that revision's commit (binary or missing: no lines).
 */
@Component
class ChangeRequestFiles implements DiscussionFiles {

    private final ChangeRequestRepository changes;
    private final ProjectService projects;
    private final SourceService sources;

    ChangeRequestFiles(ChangeRequestRepository changes, ProjectService projects, SourceService sources) {
        this.changes = changes;
        this.projects = projects;
        this.sources = sources;
    }

    @Override
    public DiscussionKind kind() {
        return DiscussionKind.CHANGE_REQUEST;
    }

    @Override
    public List<Integer> iterations(Discussion discussion) {
        return changes.revisions(discussion.id()).stream().map(Revision::number).toList();
    }

    @Override
    public Optional<List<String>> lines(Discussion discussion, int iteration, String path) {
        return changes.revision(discussion.id(), iteration).flatMap(revision -> text(discussion, revision.commit(),
                path));
    }

    /** The old side of revision R's diff is the merge base it was made on. */
    @Override
    public Optional<List<String>> oldLines(Discussion discussion, int iteration, String path) {
        return changes.revision(discussion.id(), iteration).flatMap(revision -> text(discussion,
                revision.baseCommit(), path));
    }

    @Override
    public boolean firstHasOldSide() {
        return true;
    }

    private Optional<List<String>> text(Discussion discussion, String commit, String path) {
        Optional<Project> project = projects.find(discussion.projectId());
        if (project.isEmpty() || path.isEmpty() || path.startsWith("/")) {
            return Optional.empty();
        }
        List<String> commitAndPath = new ArrayList<>(List.of(commit));
        commitAndPath.addAll(List.of(path.split("/")));
        try {
            BlobPage blob = sources.blob(project.get(), commitAndPath);
            return blob.isText() ? Optional.of(blob.lines()) : Optional.empty();
        } catch (NotFoundException missing) {
            return Optional.empty();
        }
    }
}
