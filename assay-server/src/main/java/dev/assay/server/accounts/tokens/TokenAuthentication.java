package dev.assay.server.accounts.tokens;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A caller authenticated by an API token: acts as the token's owner, within the token's scope. */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private final ApiToken token;

    TokenAuthentication(ApiToken token) {
        super(List.of());
        this.token = token;
        setAuthenticated(true);
    }

    /** The token the caller presented. */
    public ApiToken token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return token.owner();
    }

    @Override
    public String getName() {
        return token.owner();
    }
}
