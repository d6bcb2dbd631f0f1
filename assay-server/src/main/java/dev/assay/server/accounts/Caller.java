package dev.assay.server.accounts;

import java.util.Optional;

import dev.assay.server.accounts.tokens.ApiToken;
import dev.assay.server.accounts.tokens.TokenScope;

/**
 * Who is making a request: a user, and the API token they presented if any. A request made with a
 * token may do only what the token's scopes and project allow, on top of the user's own rights.
 */
public record Caller(User user, Optional<ApiToken> token) {

    /** Whether the credentials (not the user's roles) allow this action on this normalised project. */
    public boolean credentialsAllow(TokenScope scope, String normalizedProject) {
        return token.map(presented -> presented.allows(scope, normalizedProject)).orElse(true);
    }

    /** Whether the caller administers the forge; a token never carries administrator rights. */
    public boolean isAdmin() {
        return token.isEmpty() && user.isAdmin();
    }

    /** The user's name. */
    public String name() {
        return user.name();
    }
}
