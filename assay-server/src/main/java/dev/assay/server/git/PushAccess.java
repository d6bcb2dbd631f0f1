package dev.assay.server.git;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.TokenScope;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/**
 * Who may push to a project: credentials that allow it (a password, or a token with the push scope for
 * this project) of an owner, a maintainer or an administrator.
 */
@Component
class PushAccess {

    private final ProjectService projects;

    PushAccess(ProjectService projects) {
        this.projects = projects;
    }

    /** Why the caller may not push to the project, or empty when they may. */
    Optional<String> refusal(Caller caller, Project project) {
        if (!caller.credentialsAllow(TokenScope.PUSH, project.normalizedName())) {
            return Optional.of("The API token does not allow pushing to project '" + project.name()
                    + "': use a token with the push scope for this project");
        }
        try {
            projects.checkMayManage(caller, project);
            return Optional.empty();
        } catch (ForbiddenException refused) {
            return Optional.of(refused.getMessage() + ": pushing needs the owner or maintainer role");
        }
    }
}
