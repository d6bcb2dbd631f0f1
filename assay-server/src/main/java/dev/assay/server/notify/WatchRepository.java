package dev.assay.server.notify;

import static dev.assay.server.db.Timestamps.utc;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for who watches which discussion and which project. */
@Repository
class WatchRepository {

    private final JdbcClient jdbc;

    WatchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts watching; watching twice is watching once. */
    void watchDiscussion(long discussionId, long userId, Instant at) {
        jdbc.sql("INSERT INTO discussion_watchers (discussion_id, user_id, created_at) VALUES (:discussion, :user, :at) "
                + "ON CONFLICT DO NOTHING")
                .param("discussion", discussionId).param("user", userId).param("at", utc(at)).update();
    }

    void unwatchDiscussion(long discussionId, long userId) {
        jdbc.sql("DELETE FROM discussion_watchers WHERE discussion_id = :discussion AND user_id = :user")
                .param("discussion", discussionId).param("user", userId).update();
    }

    void watchProject(long projectId, long userId, Instant at) {
        jdbc.sql("INSERT INTO project_watchers (project_id, user_id, created_at) VALUES (:project, :user, :at) "
                + "ON CONFLICT DO NOTHING")
                .param("project", projectId).param("user", userId).param("at", utc(at)).update();
    }

    void unwatchProject(long projectId, long userId) {
        jdbc.sql("DELETE FROM project_watchers WHERE project_id = :project AND user_id = :user")
                .param("project", projectId).param("user", userId).update();
    }

    boolean watchesDiscussion(long discussionId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM discussion_watchers WHERE discussion_id = :discussion AND user_id = :user")
                .param("discussion", discussionId).param("user", userId).query(Long.class).single() > 0;
    }

    boolean watchesProject(long projectId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM project_watchers WHERE project_id = :project AND user_id = :user")
                .param("project", projectId).param("user", userId).query(Long.class).single() > 0;
    }

    List<Long> discussionWatchers(long discussionId) {
        return jdbc.sql("SELECT user_id FROM discussion_watchers WHERE discussion_id = :discussion ORDER BY user_id")
                .param("discussion", discussionId).query(Long.class).list();
    }

    List<Long> projectWatchers(long projectId) {
        return jdbc.sql("SELECT user_id FROM project_watchers WHERE project_id = :project ORDER BY user_id")
                .param("project", projectId).query(Long.class).list();
    }

    /** What the user watches: projects by name, then discussions by number. */
    List<Watched> watchedBy(long userId) {
        return jdbc.sql("""
                SELECT 'project' AS kind, p.id, p.name FROM project_watchers w JOIN projects p ON p.id = w.project_id
                WHERE w.user_id = :user
                UNION ALL
                SELECT 'discussion' AS kind, d.id, d.title FROM discussion_watchers w
                JOIN discussions d ON d.id = w.discussion_id WHERE w.user_id = :user
                ORDER BY kind DESC, id""")
                .param("user", userId)
                .query((rs, row) -> new Watched(rs.getString("kind"), rs.getLong("id"), rs.getString("name")))
                .list();
    }
}
