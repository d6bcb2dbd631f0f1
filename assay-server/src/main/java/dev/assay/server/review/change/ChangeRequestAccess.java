package dev.assay.server.review.change;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectRole;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;
import dev.assay.server.review.thread.DiscussionAccess;

/**
 * Who may do what with a change request, the one place it is decided: reading follows reading its project;
 * opening one, commenting and changing one's own need credentials allowing review of the project; votes are
 * for its owners, maintainers and reviewers (and administrators), never the author's own; merging is for owners,
 * maintainers and administrators with credentials allowing push.
 */
@Component
public class ChangeRequestAccess implements DiscussionAccess {

    private final ProjectService projects;

    ChangeRequestAccess(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public DiscussionKind kind() {
        return DiscussionKind.CHANGE_REQUEST;
    }

    @Override
    public boolean mayRead(Optional<Caller> caller, Discussion discussion) {
        return projects.find(discussion.projectId()).filter(project -> projects.mayRead(caller, project)).isPresent();
    }

    @Override
    public boolean mayComment(Caller caller, Discussion discussion) {
        return projects.find(discussion.projectId()).filter(project -> mayReview(caller, project)).isPresent();
    }

    @Override
    public boolean mayResolve(Caller caller, Discussion discussion, long threadAuthorId) {
        long user = caller.user().id();
        return mayComment(caller, discussion) && (caller.isAdmin() || user == threadAuthorId
                || user == discussion.authorId() || role(caller, discussion.projectId()).isPresent());
    }

    @Override
    public String resolvers(Discussion discussion) {
        return "the thread's author, the change request's author, an owner, maintainer or reviewer of the project, "
                + "or an administrator";
    }

    /** Whether the caller may open change requests on the project and comment on them. */
    public boolean mayReview(Caller caller, Project project) {
        return projects.mayRead(Optional.of(caller), project)
                && caller.credentialsAllow(TokenScope.REVIEW, project.normalizedName());
    }

    /** Refuses opening a change request (or commenting) to one who may not; 404 for one who may not read it. */
    public void checkMayReview(Caller caller, Project project) {
        projects.checkMayRead(Optional.of(caller), project);
        if (!caller.credentialsAllow(TokenScope.REVIEW, project.normalizedName())) {
            throw new ForbiddenException("The API token does not allow reviewing project '" + project.name()
                    + "': use a token with the review scope for this project");
        }
    }

    /** Whether the caller may change the request's title, description and state: its author or a maintainer. */
    public boolean mayChange(Optional<Caller> caller, Project project, ChangeRequest changeRequest) {
        return caller.filter(present -> mayReview(present, project) && (present.user().id() == changeRequest.authorId()
                || projects.mayManage(caller, project))).isPresent();
    }

    /** Refuses a change to the request by anyone but its author, the project's owners and maintainers, admins. */
    public void checkMayChange(Caller caller, Project project, ChangeRequest changeRequest, String change) {
        checkMayReview(caller, project);
        if (!mayChange(Optional.of(caller), project, changeRequest)) {
            throw new ForbiddenException(change + " of change request #" + changeRequest.number() + " is for its "
                    + "author, an owner or maintainer of project '" + project.name() + "', or an administrator");
        }
    }

    /** Whether the caller may vote: an owner, maintainer or reviewer of the project, or an admin; not the author. */
    public boolean mayVote(Optional<Caller> caller, Project project, ChangeRequest changeRequest) {
        return caller.filter(present -> mayReview(present, project)
                && present.user().id() != changeRequest.authorId()
                && (present.isAdmin() || role(present, project.id()).isPresent())).isPresent();
    }

    /** Refuses a vote the caller may not cast, saying who may. */
    public void checkMayVote(Caller caller, Project project, ChangeRequest changeRequest) {
        checkMayReview(caller, project);
        if (caller.user().id() == changeRequest.authorId()) {
            throw new ForbiddenException("Nobody votes on their own change request: #" + changeRequest.number()
                    + " needs the votes of others");
        }
        if (!mayVote(Optional.of(caller), project, changeRequest)) {
            throw new ForbiddenException("Voting on change requests of project '" + project.name() + "' is for its "
                    + "owners, maintainers and reviewers; user '" + caller.name() + "' has no role on it");
        }
    }

    /** Whether the caller may merge: an owner or maintainer of the project or an admin, credentials allowing push. */
    public boolean mayMerge(Optional<Caller> caller, Project project) {
        return caller.filter(present -> present.credentialsAllow(TokenScope.PUSH, project.normalizedName())
                && projects.mayManage(caller, project)).isPresent();
    }

    /** Refuses a merge the caller may not make. */
    public void checkMayMerge(Caller caller, Project project) {
        if (!caller.credentialsAllow(TokenScope.PUSH, project.normalizedName())) {
            throw new ForbiddenException("The API token does not allow merging into project '" + project.name()
                    + "': use a token with the push scope for this project");
        }
        try {
            projects.checkMayManage(caller, project);
        } catch (ForbiddenException refused) {
            throw new ForbiddenException(refused.getMessage() + ": merging needs the owner or maintainer role");
        }
    }

    private Optional<ProjectRole> role(Caller caller, long projectId) {
        return projects.find(projectId).flatMap(project -> projects.roleOf(project, caller.user().id()));
    }
}
