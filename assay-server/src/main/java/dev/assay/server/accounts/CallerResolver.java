package dev.assay.server.accounts;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import dev.assay.server.accounts.tokens.ApiToken;
import dev.assay.server.accounts.tokens.TokenAuthentication;
import dev.assay.server.error.UnauthorizedException;

/** Turns Spring Security's authentication into a {@link Caller}. */
@Component
public class CallerResolver {

    private final AccountService accounts;

    public CallerResolver(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The caller, or empty for an anonymous request. */
    public Optional<Caller> caller(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Optional<ApiToken> token = authentication instanceof TokenAuthentication presented
                ? Optional.of(presented.token()) : Optional.empty();
        return Optional.of(new Caller(accounts.user(authentication.getName()), token));
    }

    /** The caller, or a 401 telling the client how to authenticate. */
    public Caller require(Authentication authentication) {
        return caller(authentication).orElseThrow(() -> new UnauthorizedException(
                "authentication required: send HTTP Basic credentials, your user name and password, "
                        + "or __token__ and an API token"));
    }
}
