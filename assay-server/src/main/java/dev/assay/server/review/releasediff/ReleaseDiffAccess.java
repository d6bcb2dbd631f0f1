package dev.assay.server.review.releasediff;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.releasediff.ReleaseDiffs;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;
import dev.assay.server.review.thread.DiscussionAccess;

/**
 * Who may take part in a release diff's threads: reading follows reading the release (while it exists);
 * commenting needs a password or a token with the review scope for it; resolving is for the thread's author, the
 * project's members, package reviewers and administrators.
 */
@Component
class ReleaseDiffAccess implements DiscussionAccess {

    private final ProjectService projects;
    private final ReleaseDiffs diffs;

    ReleaseDiffAccess(ProjectService projects, ReleaseDiffs diffs) {
        this.projects = projects;
        this.diffs = diffs;
    }

    @Override
    public DiscussionKind kind() {
        return DiscussionKind.RELEASE_DIFF;
    }

    @Override
    public boolean mayRead(Optional<Caller> caller, Discussion discussion) {
        // a deleted release takes its diff's threads out of sight with it
        return diffs.subject(discussion.id()).filter(diff -> projects.mayRead(caller, diff.project())).isPresent();
    }

    @Override
    public boolean mayComment(Caller caller, Discussion discussion) {
        return project(discussion).filter(project -> caller.credentialsAllow(TokenScope.REVIEW,
                project.normalizedName())).isPresent();
    }

    @Override
    public boolean mayResolve(Caller caller, Discussion discussion, long threadAuthorId) {
        long user = caller.user().id();
        return mayComment(caller, discussion) && (caller.isAdmin() || caller.user().isPackageReviewer()
                || user == threadAuthorId
                || project(discussion).flatMap(project -> projects.roleOf(project, user)).isPresent());
    }

    @Override
    public String resolvers(Discussion discussion) {
        return "the thread's author, an owner, maintainer or reviewer of the project, a member of reviewers or "
                + "sponsors, or an administrator";
    }

    private Optional<Project> project(Discussion discussion) {
        return projects.find(discussion.projectId());
    }
}
