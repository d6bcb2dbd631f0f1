package dev.assay.server.index.settings;

import dev.assay.server.index.Project;

/** A project's visibility on the wire: {@code {"project": "name", "visibility": "private"}}. */
record ProjectVisibilityView(String project, String visibility) {

    static ProjectVisibilityView of(Project project) {
        return new ProjectVisibilityView(project.name(), project.visibility().key());
    }
}
