package dev.assay.server.index.manage;

import dev.assay.server.index.ProjectRole;

/** A kind of change to a project, with the project role it needs. */
enum ManageAction {
    VIEW("Managing project", false),
    YANK("Yanking or un-yanking a release of project", false),
    DELETE("Deleting files and releases of project", false),
    MANAGE_ROLES("Changing who may act on project", true);

    private final String description;
    private final boolean ownersOnly;

    ManageAction(String description, boolean ownersOnly) {
        this.description = description;
        this.ownersOnly = ownersOnly;
    }

    boolean allows(ProjectRole role) {
        return ownersOnly ? role == ProjectRole.OWNER : role.mayUpload();
    }

    String description() {
        return description;
    }

    String rolesNeeded() {
        return ownersOnly ? "the owner role" : "the owner or maintainer role";
    }
}
