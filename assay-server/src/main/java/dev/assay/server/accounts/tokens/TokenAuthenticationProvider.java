package dev.assay.server.accounts.tokens;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Accepts HTTP Basic with the user name {@code __token__} and an API token as password, the
 * convention twine and pip use for PyPI.
 */
public class TokenAuthenticationProvider implements AuthenticationProvider {

    /** The user name that announces an API token in HTTP Basic. */
    static final String TOKEN_USER = "__token__";

    private final TokenService tokens;

    public TokenAuthenticationProvider(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!TOKEN_USER.equals(authentication.getName())) {
            return null;
        }
        String secret = String.valueOf(authentication.getCredentials());
        return tokens.authenticate(secret)
                .map(TokenAuthentication::new)
                .orElseThrow(() -> new BadCredentialsException("the API token is not valid or was revoked"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
