package dev.assay.server.accounts.tokens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

/** The SQL for API tokens. */
@Repository
public class TokenRepository {

    private static final String SELECT = """
            SELECT t.id, u.name AS owner, t.description, t.prefix, t.project, t.scopes, t.created_at,
                   t.last_used_at, t.revoked_at
            FROM api_tokens t JOIN users u ON u.id = t.user_id
            """;

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long userId, NewToken token, String hash, String prefix, Instant createdAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_tokens (user_id, description, token_hash, prefix, project, scopes, created_at)
                VALUES (:user, :description, :hash, :prefix, :project, :scopes, :createdAt)""")
                .param("user", userId)
                .param("description", token.description())
                .param("hash", hash)
                .param("prefix", prefix)
                .param("project", token.project())
                .param("scopes", token.scopes().stream().map(TokenScope::key).sorted().collect(Collectors.joining(",")))
                .param("createdAt", utc(createdAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<ApiToken> find(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(this::token).optional();
    }

    Optional<ApiToken> findActiveByHash(String hash) {
        return jdbc.sql(SELECT + " WHERE t.token_hash = :hash AND t.revoked_at IS NULL")
                .param("hash", hash)
                .query(this::token)
                .optional();
    }

    List<ApiToken> listForUser(long userId) {
        return jdbc.sql(SELECT + " WHERE t.user_id = :user ORDER BY t.created_at DESC, t.id DESC")
                .param("user", userId)
                .query(this::token)
                .list();
    }

    boolean revoke(long id, Instant at) {
        return jdbc.sql("UPDATE api_tokens SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .param("at", utc(at))
                .param("id", id)
                .update() == 1;
    }

    void markUsed(long id, Instant at) {
        jdbc.sql("UPDATE api_tokens SET last_used_at = :at WHERE id = :id")
                .param("at", utc(at))
                .param("id", id)
                .update();
    }

    private ApiToken token(ResultSet rs, int row) throws SQLException {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        Arrays.stream(rs.getString("scopes").split(",")).map(TokenScope::ofKey).forEach(scopes::add);
        return new ApiToken(rs.getLong("id"), rs.getString("owner"), rs.getString("description"),
                rs.getString("prefix"), Optional.ofNullable(rs.getString("project")), scopes,
                instant(rs, "created_at"), Optional.ofNullable(instant(rs, "last_used_at")),
                Optional.ofNullable(instant(rs, "revoked_at")));
    }

}
