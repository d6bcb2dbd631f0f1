package dev.assay.server.accounts.tokens;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An API token as stored: never the secret, only its first characters for recognition. A token
 * without a project acts on every project its owner may act on.
 */
public record ApiToken(long id, String owner, String description, String prefix, Optional<String> project,
        Set<TokenScope> scopes, Instant createdAt, Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {

    public ApiToken {
        scopes = Set.copyOf(scopes);
    }

    /** Whether the token still authenticates. */
    public boolean isActive() {
        return revokedAt.isEmpty();
    }

    /** Whether the token allows this action on this project (given as a normalised name). */
    public boolean allows(TokenScope scope, String normalizedProject) {
        return isActive() && scopes.contains(scope) && project.map(normalizedProject::equals).orElse(true);
    }
}
