package dev.assay.server.git.push;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL for push events and their deliveries to subscribers (the outbox). */
@Repository
class PushEventRepository {

    /** A delivery still owed to a subscriber, with the attempt count it was read at (its claim version). */
    record PendingDelivery(PushEvent event, String subscriber, int attempts, String requestId) {
    }

    private static final String EVENT_COLUMNS = """
            e.id, e.push_id, e.project_id, p.normalized_name, e.user_name, e.ref_name, e.old_id, e.new_id, e.pushed_at""";

    private final JdbcClient jdbc;

    PushEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String pushId, long projectId, long userId, String userName, String refName, String oldId,
            String newId, Instant pushedAt, String requestId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO git_push_events (push_id, project_id, user_id, user_name, ref_name, old_id, new_id, pushed_at,
                    request_id)
                VALUES (:push, :project, :user, :userName, :ref, :old, :new, :at, :request)""")
                .param("push", pushId).param("project", projectId).param("user", userId).param("userName", userName)
                .param("ref", refName).param("old", oldId).param("new", newId).param("at", utc(pushedAt))
                .param("request", requestId).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertDelivery(long eventId, String subscriber, Instant due) {
        jdbc.sql("INSERT INTO git_push_deliveries (event_id, subscriber, next_attempt_at) VALUES (:event, :subscriber, :due)")
                .param("event", eventId).param("subscriber", subscriber).param("due", utc(due)).update();
    }

    /** The subscriber's deliveries due at {@code now}, oldest event first. */
    List<PendingDelivery> due(String subscriber, Instant now, int maxAttempts, int limit) {
        return jdbc.sql("SELECT " + EVENT_COLUMNS + """
                , d.subscriber, d.attempts, e.request_id FROM git_push_deliveries d
                JOIN git_push_events e ON e.id = d.event_id JOIN projects p ON p.id = e.project_id
                WHERE d.subscriber = :subscriber AND d.delivered_at IS NULL AND d.next_attempt_at <= :now
                  AND d.attempts < :max
                ORDER BY d.event_id LIMIT :limit""")
                .param("subscriber", subscriber).param("now", utc(now)).param("max", maxAttempts)
                .param("limit", limit)
                .query((rs, row) -> new PendingDelivery(event(rs), rs.getString("subscriber"), rs.getInt("attempts"),
                        rs.getString("request_id")))
                .list();
    }

    /** Takes the delivery for this dispatcher until {@code leaseUntil}; false when another one took it first. */
    boolean claim(PendingDelivery delivery, Instant leaseUntil) {
        return jdbc.sql("""
                UPDATE git_push_deliveries SET attempts = attempts + 1, next_attempt_at = :lease
                WHERE event_id = :event AND subscriber = :subscriber AND attempts = :seen AND delivered_at IS NULL""")
                .param("lease", utc(leaseUntil)).param("event", delivery.event().id())
                .param("subscriber", delivery.subscriber()).param("seen", delivery.attempts()).update() == 1;
    }

    void delivered(PendingDelivery delivery, Instant at) {
        jdbc.sql("UPDATE git_push_deliveries SET delivered_at = :at, last_error = NULL "
                + "WHERE event_id = :event AND subscriber = :subscriber")
                .param("at", utc(at)).param("event", delivery.event().id()).param("subscriber", delivery.subscriber())
                .update();
    }

    void failed(PendingDelivery delivery, String error, Instant retryAt) {
        jdbc.sql("UPDATE git_push_deliveries SET last_error = :error, next_attempt_at = :retry "
                + "WHERE event_id = :event AND subscriber = :subscriber")
                .param("error", error).param("retry", utc(retryAt)).param("event", delivery.event().id())
                .param("subscriber", delivery.subscriber()).update();
    }

    List<PushEvent> recent(long projectId, int limit) {
        return jdbc.sql("SELECT " + EVENT_COLUMNS + """
                 FROM git_push_events e JOIN projects p ON p.id = e.project_id
                WHERE e.project_id = :project ORDER BY e.id DESC LIMIT :limit""")
                .param("project", projectId).param("limit", limit)
                .query((rs, row) -> event(rs)).list();
    }

    private static PushEvent event(ResultSet rs) throws SQLException {
        return new PushEvent(rs.getLong("id"), rs.getString("push_id"), rs.getLong("project_id"),
                rs.getString("normalized_name"), rs.getString("user_name"), rs.getString("ref_name"),
                rs.getString("old_id"), rs.getString("new_id"), instant(rs, "pushed_at"));
    }
}
