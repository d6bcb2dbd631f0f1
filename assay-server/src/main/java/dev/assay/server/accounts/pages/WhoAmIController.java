package dev.assay.server.accounts.pages;

import java.util.List;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.tokens.TokenAuthentication;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.error.UnauthorizedException;

/** {@code GET /api/v1/whoami}: tells a client which account and token its credentials stand for. */
@RestController
class WhoAmIController {

    /** The caller as the API sees it. */
    record Caller(String user, String authenticatedBy, String project, List<String> scopes) {
    }

    @GetMapping("/api/v1/whoami")
    Caller whoami(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            throw new UnauthorizedException("send HTTP Basic credentials: your user name and password, "
                    + "or __token__ and an API token");
        }
        if (authentication instanceof TokenAuthentication token) {
            return new Caller(token.getName(), "token", token.token().project().orElse(null),
                    token.token().scopes().stream().map(TokenScope::key).sorted().toList());
        }
        return new Caller(authentication.getName(), "password", null, List.of());
    }
}
