package dev.assay.server.git.push;

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
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.git.ProjectRepositoryResolver;
import dev.assay.server.index.Project;

/**
 * Refuses a push the caller may not make at all before JGit sees it, as a 403 with a plain-text body: git prints
 * such a body ({@code remote: The API token does not allow pushing…}), while it shows only the status of the
 * error JGit itself would send. Which refs a caller may push is decided per ref later, in the pre-receive step.
 * Authentication already happened in the security chain.
 */
public class PushRefusalFilter extends HttpFilter {

    private static final String INFO_REFS = "/info/refs";
    private static final String RECEIVE_PACK = "/git-receive-pack";

    private final ProjectRepositoryResolver resolver;
    private final CallerResolver callers;
    private final PushAccess access;

    public PushRefusalFilter(ProjectRepositoryResolver resolver, CallerResolver callers, PushAccess access) {
        this.resolver = resolver;
        this.callers = callers;
        this.access = access;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> repositoryName = pushedRepository(request);
        Optional<Project> project = repositoryName.flatMap(resolver::project);
        Authentication authentication = request.getUserPrincipal() instanceof Authentication presented
                ? presented : null;
        Optional<Caller> caller = callers.caller(authentication);
        if (project.isPresent() && caller.isPresent()) {
            Optional<String> refusal = access.refusal(caller.get(), project.get());
            if (refusal.isPresent()) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType("text/plain;charset=UTF-8");
                response.getOutputStream().write((refusal.get() + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The repository name of a push request (its ref advertisement or its pack), or empty for any other. */
    private static Optional<String> pushedRepository(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null) {
            return Optional.empty();
        }
        String suffix;
        if (path.endsWith(RECEIVE_PACK)) {
            suffix = RECEIVE_PACK;
        } else if (path.endsWith(INFO_REFS) && "git-receive-pack".equals(request.getParameter("service"))) {
            suffix = INFO_REFS;
        } else {
            return Optional.empty();
        }
        return Optional.of(path.substring(1, path.length() - suffix.length()));
    }
}
