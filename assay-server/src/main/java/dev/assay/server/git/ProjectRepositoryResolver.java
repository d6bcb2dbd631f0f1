package dev.assay.server.git;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;
import org.springframework.security.core.Authentication;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/**
 * Finds the repository of {@code /git/<project>.git} or {@code /git/<project>}: any spelling of the
 * project's name; anything else (unknown projects, nested paths, invalid names) is not found, so no name
 * reaches the file system but a normalised project name. A private project's repository is not found for
 * callers who may not read it (the backstop of {@link GitReadFilter}, which answers them first); the project
 * found is kept on the request for the push checks.
 */
public class ProjectRepositoryResolver implements RepositoryResolver<HttpServletRequest> {

    /** The request attribute holding the {@link Project} whose repository was opened. */
    public static final String PROJECT_ATTRIBUTE = ProjectRepositoryResolver.class.getName() + ".project";

    private final ProjectService projects;
    private final GitRepositories repositories;
    private final CallerResolver callers;

    ProjectRepositoryResolver(ProjectService projects, GitRepositories repositories, CallerResolver callers) {
        this.projects = projects;
        this.repositories = repositories;
        this.callers = callers;
    }

    @Override
    public Repository open(HttpServletRequest request, String name) throws RepositoryNotFoundException {
        Project project = project(name).filter(found -> projects.mayRead(caller(request, callers), found))
                .orElseThrow(() -> new RepositoryNotFoundException(name));
        request.setAttribute(PROJECT_ATTRIBUTE, project);
        return repositories.openShared(project.normalizedName());
    }

    /** Who sent the request, as the security chain authenticated them; empty when anonymous. */
    static Optional<Caller> caller(HttpServletRequest request, CallerResolver callers) {
        return callers.caller(request.getUserPrincipal() instanceof Authentication presented ? presented : null);
    }

    CallerResolver callers() {
        return callers;
    }

    /** The project a repository name ({@code <project>.git} or {@code <project>}) stands for, if any. */
    public Optional<Project> project(String name) {
        String projectName = name.endsWith(".git") ? name.substring(0, name.length() - 4) : name;
        return ProjectName.isValid(projectName) ? projects.find(projectName) : Optional.empty();
    }
}
