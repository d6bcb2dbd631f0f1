package dev.assay.server.review.thread;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;

/**
 * Who may take part in a package review's threads: reading follows reading its project (held projects
 * included); resolving is for the thread's author, the review's author, the project's members, sponsors and
 * administrators.
 */
@Component
class PackageReviewAccess implements DiscussionAccess {

    private final ProjectService projects;
    private final ThreadRepository threads;

    PackageReviewAccess(ProjectService projects, ThreadRepository threads) {
        this.projects = projects;
        this.threads = threads;
    }

    @Override
    public DiscussionKind kind() {
        return DiscussionKind.PACKAGE_REVIEW;
    }

    @Override
    public boolean mayRead(Optional<Caller> caller, Discussion discussion) {
        return project(discussion).filter(project -> projects.mayRead(caller, project)).isPresent();
    }

    @Override
    public boolean mayComment(Caller caller, Discussion discussion) {
        return project(discussion).filter(project -> credentialsAllowReview(caller, project)).isPresent();
    }

    @Override
    public boolean mayResolve(Caller caller, Discussion discussion, long threadAuthorId) {
        long user = caller.user().id();
        return mayComment(caller, discussion) && (caller.isAdmin() || caller.user().isPackageReviewer()
                || user == threadAuthorId || user == discussion.authorId()
                || project(discussion).flatMap(project -> projects.roleOf(project, user)).isPresent());
    }

    @Override
    public String resolvers(Discussion discussion) {
        return "the thread's author, the review's author, an owner, maintainer or reviewer of the project, "
                + "a member of reviewers or sponsors, or an administrator";
    }

    // The one place a token's scopes are checked for commenting on a package review.
    private static boolean credentialsAllowReview(Caller caller, Project project) {
        return caller.credentialsAllow(TokenScope.REVIEW, project.normalizedName());
    }

    private Optional<Project> project(Discussion discussion) {
        return threads.projectName(discussion.id()).flatMap(projects::find);
    }
}
