package dev.assay.server.review.change.edit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import dev.assay.server.git.GitRepositories;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;
import dev.assay.server.review.change.ChangeRequestRepository;
import dev.assay.server.review.change.Revision;
import dev.assay.server.review.thread.DiscussionFiles;

/**
 * The files of change requests as the threads read them, for these tests: a revision's file at its commit. Ordered
 * first, so these tests do not depend on how the change request pages provide theirs.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RevisionFiles implements DiscussionFiles {

    private final ChangeRequestRepository changes;
    private final ProjectService projects;
    private final GitRepositories repositories;

    public RevisionFiles(ChangeRequestRepository changes, ProjectService projects, GitRepositories repositories) {
        this.changes = changes;
        this.projects = projects;
        this.repositories = repositories;
    }

    @Override
    public DiscussionKind kind() {
        return DiscussionKind.CHANGE_REQUEST;
    }

    @Override
    public List<Integer> iterations(Discussion discussion) {
        return changes.revisions(discussion.id()).stream().map(Revision::number).sorted().toList();
    }

    @Override
    public Optional<List<String>> lines(Discussion discussion, int iteration, String path) {
        Optional<Revision> revision = changes.revision(discussion.id(), iteration);
        if (revision.isEmpty()) {
            return Optional.empty();
        }
        String project = projects.find(discussion.projectId()).orElseThrow().normalizedName();
        try (Repository repository = repositories.open(project); RevWalk walk = new RevWalk(repository);
                TreeWalk found = TreeWalk.forPath(repository, path,
                        walk.parseCommit(ObjectId.fromString(revision.get().commit())).getTree())) {
            if (found == null || found.isSubtree()) {
                return Optional.empty();
            }
            String text = new String(repository.open(found.getObjectId(0), Constants.OBJ_BLOB).getBytes(),
                    StandardCharsets.UTF_8);
            String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            return Optional.of(Arrays.asList(body.split("\r?\n", -1)));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
