package dev.assay.server.notify;

import static dev.assay.server.db.Timestamps.utc;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for email waiting to be sent. */
@Repository
class OutboxRepository {

    /** A mail due to be sent, with the attempt count it was read at (its claim version). */
    record PendingMail(long id, String recipient, String subject, String body, int attempts) {
    }

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String recipient, String subject, String body, Instant at) {
        jdbc.sql("""
                INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at)
                VALUES (:recipient, :subject, :body, :at, :at)""")
                .param("recipient", recipient).param("subject", subject).param("body", body).param("at", utc(at))
                .update();
    }

    /** Mail due at {@code now}, oldest first. */
    List<PendingMail> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id, recipient, subject, body, attempts FROM mail_outbox
                WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now ORDER BY id LIMIT :limit""")
                .param("now", utc(now)).param("limit", limit)
                .query((rs, row) -> new PendingMail(rs.getLong("id"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
                .list();
    }

    /**
     * Takes the mail for this sender until {@code leaseUntil} (a sender that dies mid-send leaves it to be taken
     * again then); false when another sender took it first.
     */
    boolean claim(PendingMail mail, Instant leaseUntil) {
        return jdbc.sql("""
                UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = :lease
                WHERE id = :id AND attempts = :seen AND sent_at IS NULL AND failed_at IS NULL""")
                .param("lease", utc(leaseUntil)).param("id", mail.id()).param("seen", mail.attempts()).update() == 1;
    }

    void sent(long id, Instant at) {
        jdbc.sql("UPDATE mail_outbox SET sent_at = :at, last_error = NULL WHERE id = :id")
                .param("at", utc(at)).param("id", id).update();
    }

    void retryLater(long id, String error, Instant retryAt) {
        jdbc.sql("UPDATE mail_outbox SET last_error = :error, next_attempt_at = :retry WHERE id = :id")
                .param("error", error).param("retry", utc(retryAt)).param("id", id).update();
    }

    void givenUp(long id, String error, Instant at) {
        jdbc.sql("UPDATE mail_outbox SET last_error = :error, failed_at = :at WHERE id = :id")
                .param("error", error).param("at", utc(at)).param("id", id).update();
    }
}
