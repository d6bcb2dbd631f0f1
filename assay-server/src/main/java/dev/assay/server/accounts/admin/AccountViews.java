package dev.assay.server.accounts.admin;

import java.time.Instant;
import java.util.List;

import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.User;
import dev.assay.server.accounts.tokens.ApiToken;
import dev.assay.server.accounts.tokens.TokenScope;

/** Users and tokens as the admin API sends them and the admin commands print them: never a password or secret. */
public final class AccountViews {

    private AccountViews() {
    }

    /** A user account. */
    public record UserView(String name, String email, String fullName, Instant createdAt, List<String> groups) {

        /** The view of {@code user}, groups sorted by name. */
        public static UserView of(User user) {
            return new UserView(user.name(), user.email(), user.fullName(), user.createdAt(),
                    user.groups().stream().map(Group::key).sorted().toList());
        }
    }

    /** An API token, without its secret; {@code project} null for every project, {@code revokedAt} null while active. */
    public record TokenView(long id, String owner, String prefix, String project, List<String> scopes,
            String description, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

        /** The view of {@code token}, scopes sorted by name. */
        public static TokenView of(ApiToken token) {
            return new TokenView(token.id(), token.owner(), token.prefix(), token.project().orElse(null),
                    token.scopes().stream().map(TokenScope::key).sorted().toList(), token.description(),
                    token.createdAt(), token.lastUsedAt().orElse(null), token.revokedAt().orElse(null));
        }

        /** Whether the token still authenticates. */
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A new token: its secret, shown this once, and the token. */
    public record CreatedTokenView(String secret, TokenView token) {
    }
}
