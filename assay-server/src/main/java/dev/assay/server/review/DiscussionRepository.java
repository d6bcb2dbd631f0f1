package dev.assay.server.review;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL for discussions, the shared root of package reviews and change requests. */
@Repository
public class DiscussionRepository {

    private static final String SELECT = "SELECT id, kind, project_id, title, author_id, created_at FROM discussions";

    private final JdbcClient jdbc;

    public DiscussionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens a discussion and returns it with its number. */
    public Discussion insert(DiscussionKind kind, long projectId, String title, long authorId, Instant createdAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO discussions (kind, project_id, title, author_id, created_at)
                VALUES (:kind, :project, :title, :author, :at)""")
                .param("kind", kind.key()).param("project", projectId).param("title", title)
                .param("author", authorId).param("at", utc(createdAt)).update(keys, "id");
        return new Discussion(keys.getKeyAs(Number.class).longValue(), kind, projectId, title, authorId, createdAt);
    }

    public Optional<Discussion> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(DiscussionRepository::discussion).optional();
    }

    public void retitle(long id, String title) {
        jdbc.sql("UPDATE discussions SET title = :title WHERE id = :id").param("title", title).param("id", id).update();
    }

    private static Discussion discussion(ResultSet rs, int row) throws SQLException {
        return new Discussion(rs.getLong("id"), DiscussionKind.ofKey(rs.getString("kind")), rs.getLong("project_id"),
                rs.getString("title"), rs.getLong("author_id"), instant(rs, "created_at"));
    }
}
