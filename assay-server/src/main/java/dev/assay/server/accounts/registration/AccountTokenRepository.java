package dev.assay.server.accounts.registration;

import static dev.assay.server.db.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for single-use emailed links (email verification, password reset): only their hashes are stored. */
@Repository
class AccountTokenRepository {

    private final JdbcClient jdbc;

    AccountTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long userId, String purpose, String tokenHash, Instant createdAt, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO account_tokens (user_id, purpose, token_hash, created_at, expires_at)
                VALUES (:user, :purpose, :hash, :at, :expires)""")
                .param("user", userId).param("purpose", purpose).param("hash", tokenHash).param("at", utc(createdAt))
                .param("expires", utc(expiresAt)).update();
    }

    /** The account an unused, unexpired token of this purpose belongs to. */
    Optional<Long> usable(String tokenHash, String purpose, Instant now) {
        return jdbc.sql("""
                SELECT user_id FROM account_tokens
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""")
                .param("hash", tokenHash).param("purpose", purpose).param("now", utc(now)).query(Long.class).optional();
    }

    /** Uses the token up; false when it was used (or expired) meanwhile, so that it works exactly once. */
    boolean use(String tokenHash, String purpose, Instant now) {
        return jdbc.sql("""
                UPDATE account_tokens SET used_at = :now
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""")
                .param("hash", tokenHash).param("purpose", purpose).param("now", utc(now)).update() == 1;
    }

    /** Makes every still unused token of this purpose for the account unusable. */
    void invalidate(long userId, String purpose, Instant now) {
        jdbc.sql("UPDATE account_tokens SET used_at = :now WHERE user_id = :user AND purpose = :purpose AND used_at IS NULL")
                .param("now", utc(now)).param("user", userId).param("purpose", purpose).update();
    }

    long countSince(long userId, String purpose, Instant since) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM account_tokens WHERE user_id = :user AND purpose = :purpose AND created_at > :since""")
                .param("user", userId).param("purpose", purpose).param("since", utc(since)).query(Long.class).single();
    }
}
