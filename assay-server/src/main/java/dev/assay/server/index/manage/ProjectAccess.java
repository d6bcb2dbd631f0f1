package dev.assay.server.index.manage;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.ProjectRole;
import dev.assay.server.index.ProjectService;

/**
 * Says who may change a project: owners everything, maintainers releases and files, administrators
 * everything; a token only with the upload scope and, when it names one, for this project.
 */
@Component
class ProjectAccess {

    private final ProjectRepository projects;
    private final ProjectService projectService;

    ProjectAccess(ProjectRepository projects, ProjectService projectService) {
        this.projects = projects;
        this.projectService = projectService;
    }

    /** The project, locked until the transaction ends so that concurrent changes queue; checked for the action. */
    Project lockFor(Caller caller, String name, ManageAction action) {
        Project project = projects.lockByNormalizedName(ProjectName.normalize(name))
                .orElseThrow(() -> noSuchProject(name));
        check(caller, project, action);
        return project;
    }

    /** The project, checked for the action, without a lock (for reading). */
    Project findFor(Caller caller, String name, ManageAction action) {
        Project project = projects.findByNormalizedName(ProjectName.normalize(name))
                .orElseThrow(() -> noSuchProject(name));
        check(caller, project, action);
        return project;
    }

    /** Whether the caller may do the action on the project (a question, not a check). */
    boolean allows(Caller caller, Project project, ManageAction action) {
        return caller.credentialsAllow(TokenScope.UPLOAD, project.normalizedName())
                && (caller.isAdmin() || roleOf(caller, project).filter(action::allows).isPresent());
    }

    private void check(Caller caller, Project project, ManageAction action) {
        // a private project stays secret from those who may not read it: theirs is the 404 of a missing one
        projectService.checkMayRead(Optional.of(caller), project);
        if (!caller.credentialsAllow(TokenScope.UPLOAD, project.normalizedName())) {
            throw new ForbiddenException("The API token does not allow changes to project '" + project.name()
                    + "': use a token with the upload scope for this project");
        }
        if (caller.isAdmin()) {
            return;
        }
        Optional<ProjectRole> role = roleOf(caller, project);
        if (role.filter(action::allows).isEmpty()) {
            throw new ForbiddenException(action.description() + " '" + project.name() + "' needs "
                    + action.rolesNeeded() + "; user '" + caller.name() + "' "
                    + role.map(held -> "is a " + held.key()).orElse("has no role on it"));
        }
    }

    private Optional<ProjectRole> roleOf(Caller caller, Project project) {
        return projects.roleOf(project.id(), caller.user().id());
    }

    private static NotFoundException noSuchProject(String name) {
        return new NotFoundException("there is no project named '" + name + "'");
    }
}
