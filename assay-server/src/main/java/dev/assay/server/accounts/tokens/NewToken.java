package dev.assay.server.accounts.tokens;

import java.util.Set;

/** A request for a token: whose, what it is for, which project (or null for all) and which actions. */
public record NewToken(String owner, String description, String project, Set<TokenScope> scopes) {

    public NewToken {
        description = description == null ? "" : description.strip();
        project = project == null || project.isBlank() ? null : project.strip();
        scopes = scopes == null || scopes.isEmpty() ? Set.of(TokenScope.UPLOAD) : Set.copyOf(scopes);
    }
}
