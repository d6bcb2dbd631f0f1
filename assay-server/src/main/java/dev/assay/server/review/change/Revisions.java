package dev.assay.server.review.change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.git.GitRepositories;
import dev.assay.server.git.ServerRefUpdates;
import dev.assay.server.index.Project;

/**
 * Adds revisions to change requests: the one place a revision is numbered, its merge base with the target
 * branch found, its {@code refs/changes/N/R} ref written and {@link RevisionAdded} published.
 */
@Service
public class Revisions {

    private final ChangeRequestRepository changes;
    private final GitRepositories repositories;
    private final ServerRefUpdates refs;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Revisions(ChangeRequestRepository changes, GitRepositories repositories, ServerRefUpdates refs,
            ApplicationEventPublisher publisher, Clock clock) {
        this.changes = changes;
        this.repositories = repositories;
        this.refs = refs;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Adds {@code commit} (already in the repository) as the change request's next revision, unless it is
     * already its latest one (then empty: a push delivered twice adds nothing). A change request without a source
     * branch has its revision ref announced as a push, so its pipeline runs; a branch's push already ran one.
     */
    @Transactional
    public Optional<Revision> add(ChangeRequest changeRequest, Project project, Caller uploader, ObjectId commit) {
        changes.lock(changeRequest.number());
        Optional<Revision> latest = changes.latestRevision(changeRequest.number());
        if (latest.filter(revision -> revision.commit().equals(commit.name())).isPresent()) {
            return Optional.empty();
        }
        int number = latest.map(Revision::number).orElse(0) + 1;
        String base = mergeBase(project, changeRequest.targetBranch(), commit)
                .or(() -> latest.map(Revision::baseCommit))
                .orElseThrow(() -> new InvalidInputException("commit " + commit.name() + " has no history in common "
                        + "with branch '" + changeRequest.targetBranch() + "': base it on that branch"));
        changes.insertRevision(changeRequest.number(), number, commit.name(), base, uploader.user().id(),
                clock.instant());
        changes.touch(changeRequest.number(), clock.instant());
        if (number > 1) {
            changes.insertEvent(changeRequest.number(), uploader.user().id(), "revision",
                    "revision " + number + ": " + commit.name(), clock.instant());
        }
        Revision revision = changes.revision(changeRequest.number(), number).orElseThrow();
        publisher.publishEvent(new RevisionAdded(changeRequest, revision, uploader));
        refs.update(project, uploader, revision.refName(), ObjectId.zeroId(), commit,
                changeRequest.sourceBranch().isEmpty());
        return Optional.of(revision);
    }

    /** The merge base of the commit and the head of the branch, or empty when the branch or a common history is missing. */
    Optional<String> mergeBase(Project project, String branch, ObjectId commit) {
        try (Repository repository = repositories.open(project.normalizedName());
                RevWalk walk = new RevWalk(repository)) {
            Ref target = repository.exactRef(Constants.R_HEADS + branch);
            if (target == null) {
                return Optional.empty();
            }
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(commit));
            walk.markStart(walk.parseCommit(target.getObjectId()));
            RevCommit base = walk.next();
            return Optional.ofNullable(base).map(RevCommit::name);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read the repository of '" + project.normalizedName() + "'", failure);
        }
    }
}
