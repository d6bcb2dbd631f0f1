package dev.assay.server.git;

import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/**
 * Finds the repository of {@code /git/<project>.git} or {@code /git/<project>}: any spelling of the
 * project's name; anything else (unknown projects, nested paths, invalid names) is not found, so no name
 * reaches the file system but a normalised project name. Every project is public, so reading needs no
 * check here; the project found is kept on the request for the push checks.
 */
class ProjectRepositoryResolver implements RepositoryResolver<HttpServletRequest> {

    /** The request attribute holding the {@link Project} whose repository was opened. */
    static final String PROJECT_ATTRIBUTE = ProjectRepositoryResolver.class.getName() + ".project";

    private final ProjectService projects;
    private final GitRepositories repositories;

    ProjectRepositoryResolver(ProjectService projects, GitRepositories repositories) {
        this.projects = projects;
        this.repositories = repositories;
    }

    @Override
    public Repository open(HttpServletRequest request, String name) throws RepositoryNotFoundException {
        String projectName = name.endsWith(".git") ? name.substring(0, name.length() - 4) : name;
        if (!ProjectName.isValid(projectName)) {
            throw new RepositoryNotFoundException(name);
        }
        Project project = projects.find(projectName).orElseThrow(() -> new RepositoryNotFoundException(name));
        request.setAttribute(PROJECT_ATTRIBUTE, project);
        return repositories.open(project.normalizedName());
    }
}
