package dev.assay.server.review.change.edit;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.accounts.Caller;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;
import dev.assay.server.review.change.ChangeRequestAccess;
import dev.assay.server.review.change.ChangeRequestRepository;
import dev.assay.server.review.thread.CommentThread;
import dev.assay.server.review.thread.SuggestionTargets;

/** Offers applying a suggestion of an open change request to those who may change it. */
@Component
class SuggestionRights implements SuggestionTargets {

    private final ChangeRequestRepository changes;
    private final ChangeRequestAccess access;
    private final ProjectService projects;

    SuggestionRights(ChangeRequestRepository changes, ChangeRequestAccess access, ProjectService projects) {
        this.changes = changes;
        this.access = access;
        this.projects = projects;
    }

    @Override
    public DiscussionKind kind() {
        return DiscussionKind.CHANGE_REQUEST;
    }

    @Override
    public Optional<String> applyPath(Optional<Caller> caller, Discussion discussion, CommentThread thread) {
        return changes.find(discussion.id()).filter(changeRequest -> changeRequest.isOpen())
                .filter(changeRequest -> projects.find(changeRequest.projectId())
                        .filter(project -> access.mayChange(caller, project, changeRequest)).isPresent())
                .map(changeRequest -> path(changeRequest.number(), thread.id()));
    }

    /** The form's address applying the thread's suggestion. */
    static String path(long number, long threadId) {
        return "/changes/" + number + "/threads/" + threadId + "/apply-suggestion";
    }
}
