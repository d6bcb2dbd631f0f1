package dev.assay.server.notify;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for each person's inbox. */
@Repository
class NotificationRepository {

    private static final String SELECT =
            "SELECT id, kind, discussion_id, headline, path, excerpt, created_at, read_at FROM notifications";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long userId, Notice notice, String headline, String path, String excerpt, Instant at) {
        jdbc.sql("""
                INSERT INTO notifications (user_id, kind, discussion_id, headline, path, excerpt, created_at)
                VALUES (:user, :kind, :discussion, :headline, :path, :excerpt, :at)""")
                .param("user", userId).param("kind", notice.kind().key()).param("discussion", notice.discussionId())
                .param("headline", headline).param("path", path).param("excerpt", excerpt)
                .param("at", utc(at)).update();
    }

    /** The user's notifications, unread first, newest first within each. */
    List<Notification> inbox(long userId, int limit) {
        return jdbc.sql(SELECT + " WHERE user_id = :user ORDER BY CASE WHEN read_at IS NULL THEN 0 ELSE 1 END, id DESC"
                + " LIMIT :limit")
                .param("user", userId).param("limit", limit).query(NotificationRepository::notification).list();
    }

    Optional<Notification> find(long id, long userId) {
        return jdbc.sql(SELECT + " WHERE id = :id AND user_id = :user").param("id", id).param("user", userId)
                .query(NotificationRepository::notification).optional();
    }

    void markRead(long id, long userId, Instant at) {
        jdbc.sql("UPDATE notifications SET read_at = :at WHERE id = :id AND user_id = :user AND read_at IS NULL")
                .param("at", utc(at)).param("id", id).param("user", userId).update();
    }

    int markAllRead(long userId, Instant at) {
        return jdbc.sql("UPDATE notifications SET read_at = :at WHERE user_id = :user AND read_at IS NULL")
                .param("at", utc(at)).param("user", userId).update();
    }

    long unread(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE user_id = :user AND read_at IS NULL")
                .param("user", userId).query(Long.class).single();
    }

    /** The unread count by user name, for the page header: one indexed count, no user loaded. */
    long unreadByName(String userName) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id
                WHERE u.name_key = :key AND n.read_at IS NULL""")
                .param("key", userName.toLowerCase(Locale.ROOT)).query(Long.class).single();
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getLong("id"), rs.getString("kind"), rs.getLong("discussion_id"),
                rs.getString("headline"), rs.getString("path"), rs.getString("excerpt"), instant(rs, "created_at"),
                instant(rs, "read_at"));
    }
}
