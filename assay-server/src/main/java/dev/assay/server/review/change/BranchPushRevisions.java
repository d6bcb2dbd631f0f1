package dev.assay.server.review.change;

import java.util.Optional;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.User;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.git.push.PushEvent;
import dev.assay.server.git.push.PushEventListener;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/**
 * Turns a push to a branch into a new revision of every open change request proposing that branch, uploaded by
 * the pusher (by the request's author when the pusher's account is gone). An event delivered again adds nothing:
 * {@link Revisions#add} skips a commit that is already the latest revision.
 */
@Component
class BranchPushRevisions implements PushEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(BranchPushRevisions.class);

    private final ChangeRequestRepository changes;
    private final Revisions revisions;
    private final ProjectService projects;
    private final AccountService accounts;

    BranchPushRevisions(ChangeRequestRepository changes, Revisions revisions, ProjectService projects,
            AccountService accounts) {
        this.changes = changes;
        this.revisions = revisions;
        this.projects = projects;
        this.accounts = accounts;
    }

    @Override
    public void onPush(PushEvent event) {
        if (event.deleted() || !event.refName().startsWith(Constants.R_HEADS)) {
            return;
        }
        String branch = event.refName().substring(Constants.R_HEADS.length());
        Optional<Project> project = projects.find(event.projectId());
        if (project.isEmpty()) {
            return;
        }
        ObjectId commit = ObjectId.fromString(event.newId());
        for (ChangeRequest open : changes.openFromBranch(event.projectId(), branch)) {
            try {
                revisions.add(open, project.get(), uploader(event, open), commit);
            } catch (InvalidInputException unrelated) {
                // the branch now shares no history with the target: delivering the push again cannot help
                LOG.info("push event {}: no revision for change request #{}: {}", event.id(), open.number(),
                        unrelated.getMessage());
            }
        }
    }

    private Caller uploader(PushEvent event, ChangeRequest changeRequest) {
        User user;
        try {
            user = accounts.user(event.userName());
        } catch (NotFoundException gone) {
            user = accounts.user(changeRequest.authorId()).orElseThrow(() -> gone);
        }
        return new Caller(user, Optional.empty());
    }
}
