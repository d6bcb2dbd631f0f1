package dev.assay.server.index.settings;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/** Reads and changes a project's visibility, each change in one transaction; the rules are the project service's. */
@Service
class VisibilitySettings {

    private final ProjectService projects;

    VisibilitySettings(ProjectService projects) {
        this.projects = projects;
    }

    /** The project's visibility, for whoever may read the project. */
    @Transactional(readOnly = true)
    Project show(Optional<Caller> caller, String name) {
        return projects.clientReadable(caller, name);
    }

    /** The project for its settings page: not found for those who may not read it, refused to non-owners. */
    @Transactional(readOnly = true)
    Project forSettings(Caller caller, String name) {
        Project project = projects.readable(Optional.of(caller), name);
        if (!projects.mayChangeSettings(Optional.of(caller), project)) {
            throw new ForbiddenException("The settings of project '" + project.name() + "' are changed by its owners "
                    + "and administrators; user '" + caller.name() + "' is neither");
        }
        return project;
    }

    /** Makes the project public or private. */
    @Transactional
    Project change(Caller caller, String name, String visibility) {
        return projects.changeVisibility(caller, name, visibility);
    }
}
