package dev.assay.server.index.create;

import dev.assay.server.index.Project;

/** A project just created, with where to find it: its page and its git repository (paths on this server). */
record NewProject(String name, String normalizedName, String page, String git) {

    static NewProject of(Project project) {
        return new NewProject(project.name(), project.normalizedName(), "/project/" + project.normalizedName() + "/",
                "/git/" + project.normalizedName() + ".git");
    }
}
