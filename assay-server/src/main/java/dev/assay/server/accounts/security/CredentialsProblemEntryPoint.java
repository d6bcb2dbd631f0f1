package dev.assay.server.accounts.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answers HTTP Basic clients whose credentials were refused, or who sent none where they are needed: a 401
 * with the {@code Basic} challenge that makes pip, twine and git send (other) credentials, and an RFC 9457
 * problem document saying why; uploads get the one-line reason twine prints, as every upload refusal does.
 */
final class CredentialsProblemEntryPoint implements AuthenticationEntryPoint {

    static final String INVALID = "Invalid user name, password or token";
    static final String MISSING = "Authentication required: send HTTP Basic credentials, your user name and "
            + "password, or __token__ and an API token";

    private final String realm;
    private final JsonMapper json;

    CredentialsProblemEntryPoint(String realm, JsonMapper json) {
        this.realm = realm;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        // no credentials at all reaches here as "insufficient"; anything else is a refused secret or name
        String detail = failure instanceof InsufficientAuthenticationException ? MISSING : INVALID;
        HttpStatus status = HttpStatus.UNAUTHORIZED;
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/legacy")) {
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.getWriter().write(status.value() + " " + detail + "\n");
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", path);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
