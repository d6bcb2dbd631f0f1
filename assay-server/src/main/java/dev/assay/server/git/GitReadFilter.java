package dev.assay.server.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;

import dev.assay.server.accounts.Caller;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/**
 * Keeps a private project's repository from those who may not read it, before JGit or the push checks see the
 * request: an anonymous request gets a 401 with {@code WWW-Authenticate}, so that git asks for (or sends the
 * URL's) credentials; anyone else gets the 404 of a repository that does not exist. Authentication already
 * happened in the {@code /git/**} security chain.
 */
class GitReadFilter extends HttpFilter {

    private final ProjectRepositoryResolver resolver;
    private final ProjectService projects;

    GitReadFilter(ProjectRepositoryResolver resolver, ProjectService projects) {
        this.resolver = resolver;
        this.projects = projects;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Project> project = repositoryName(request).flatMap(resolver::project);
        Optional<Caller> caller = ProjectRepositoryResolver.caller(request, resolver.callers());
        if (project.isEmpty() || projects.mayRead(caller, project.get())) {
            chain.doFilter(request, response);
            return;
        }
        // a held project does not exist for anyone but its readers: only a private one asks for credentials
        if (caller.isEmpty() && project.get().isPrivate()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Assay\"");
            answer(response, HttpServletResponse.SC_UNAUTHORIZED, "Authentication required: use your user name and "
                    + "password, or __token__ and an API token");
        } else {
            answer(response, HttpServletResponse.SC_NOT_FOUND, "Repository not found");
        }
    }

    private static void answer(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The first segment of the path under {@code /git/}: the repository, since project names hold no slash. */
    private static Optional<String> repositoryName(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2) {
            return Optional.empty();
        }
        int end = path.indexOf('/', 1);
        return Optional.of(end < 0 ? path.substring(1) : path.substring(1, end));
    }
}
