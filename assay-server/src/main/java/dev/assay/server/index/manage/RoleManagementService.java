package dev.assay.server.index.manage;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.User;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.ProjectRole;
import dev.assay.server.index.ProjectService;

/** The rules for who holds which role on a project; a project always keeps at least one owner. */
@Service
class RoleManagementService {

    private final ProjectAccess access;
    private final ProjectRepository projects;
    private final ProjectService projectService;
    private final AccountService accounts;

    RoleManagementService(ProjectAccess access, ProjectRepository projects, ProjectService projectService,
            AccountService accounts) {
        this.access = access;
        this.projectService = projectService;
        this.projects = projects;
        this.accounts = accounts;
    }

    /** Everyone with a role on the project; for whoever may read it, as the project page shows it too. */
    @Transactional(readOnly = true)
    List<MemberRole> members(Caller caller, String projectName) {
        Project project = projectService.readable(Optional.of(caller), projectName);
        return projects.members(project.id()).stream()
                .map(member -> new MemberRole(member.userName(), member.role().key())).toList();
    }

    /** One user's role on the project. */
    @Transactional(readOnly = true)
    MemberRole member(Caller caller, String projectName, String userName) {
        Project project = projectService.readable(Optional.of(caller), projectName);
        User user = accounts.user(userName);
        ProjectRole role = projects.roleOf(project.id(), user.id()).orElseThrow(() -> noRole(project, user));
        return new MemberRole(user.name(), role.key());
    }

    /** Gives a user a role on the project, or changes the one they hold. */
    @Transactional
    MemberRole setRole(Caller caller, String projectName, String userName, String roleKey) {
        Project project = access.lockFor(caller, projectName, ManageAction.MANAGE_ROLES);
        if (roleKey == null || roleKey.isBlank()) {
            throw new InvalidInputException("Missing role: send one of owner, maintainer or reviewer");
        }
        ProjectRole role = ProjectRole.ofKey(roleKey.strip());
        User user = accounts.user(userName);
        ProjectRole current = projects.roleOf(project.id(), user.id()).orElse(null);
        if (current == ProjectRole.OWNER && role != ProjectRole.OWNER) {
            checkNotLastOwner(project, user, "made a " + role.key());
        }
        if (current != role) {
            projects.setRole(project.id(), user.id(), role);
            projects.touch(project.id(), null);
        }
        return new MemberRole(user.name(), role.key());
    }

    /** Takes a user's role on the project away. */
    @Transactional
    void removeRole(Caller caller, String projectName, String userName) {
        Project project = access.lockFor(caller, projectName, ManageAction.MANAGE_ROLES);
        User user = accounts.user(userName);
        ProjectRole current = projects.roleOf(project.id(), user.id()).orElseThrow(() -> noRole(project, user));
        if (current == ProjectRole.OWNER) {
            checkNotLastOwner(project, user, "removed");
        }
        projects.removeRole(project.id(), user.id());
        projects.touch(project.id(), null);
    }

    private void checkNotLastOwner(Project project, User user, String change) {
        long owners = projects.members(project.id()).stream()
                .filter(member -> member.role() == ProjectRole.OWNER).count();
        if (owners <= 1) {
            throw new ConflictException("'" + user.name() + "' is the last owner of project '" + project.name()
                    + "' and cannot be " + change + ": make another user an owner first");
        }
    }

    private static NotFoundException noRole(Project project, User user) {
        return new NotFoundException("user '" + user.name() + "' has no role on project '" + project.name() + "'");
    }
}
