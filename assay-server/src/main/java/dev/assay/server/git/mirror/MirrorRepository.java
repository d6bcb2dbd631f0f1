package dev.assay.server.git.mirror;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL for push mirrors and the outcome of their last push. */
@Repository
class MirrorRepository {

    private static final String COLUMNS = "id, project_id, url, created_at, last_attempt_at, last_result, last_error";

    private final JdbcClient jdbc;

    MirrorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Mirror> list(long projectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM git_mirrors WHERE project_id = :project ORDER BY id")
                .param("project", projectId).query((rs, row) -> mirror(rs)).list();
    }

    Optional<Mirror> find(long projectId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM git_mirrors WHERE project_id = :project AND id = :id")
                .param("project", projectId).param("id", id).query((rs, row) -> mirror(rs)).optional();
    }

    boolean exists(long projectId, String url, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM git_mirrors WHERE project_id = :project AND url = :url AND id <> :id")
                .param("project", projectId).param("url", url).param("id", exceptId)
                .query(Long.class).single() > 0;
    }

    long insert(long projectId, String url, Instant createdAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO git_mirrors (project_id, url, created_at) VALUES (:project, :url, :at)")
                .param("project", projectId).param("url", url).param("at", utc(createdAt)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Changes the URL and forgets the last result, which was about the old one. */
    void changeUrl(long projectId, long id, String url) {
        jdbc.sql("""
                UPDATE git_mirrors SET url = :url, last_attempt_at = NULL, last_result = NULL, last_error = NULL
                WHERE project_id = :project AND id = :id""")
                .param("url", url).param("project", projectId).param("id", id).update();
    }

    boolean delete(long projectId, long id) {
        return jdbc.sql("DELETE FROM git_mirrors WHERE project_id = :project AND id = :id")
                .param("project", projectId).param("id", id).update() == 1;
    }

    /** Records an attempt, unless the URL changed meanwhile (then the result was about another remote). */
    void recordAttempt(long id, String url, Instant startedAt, MirrorResult result, String error) {
        jdbc.sql("""
                UPDATE git_mirrors SET last_attempt_at = :at, last_result = :result, last_error = :error
                WHERE id = :id AND url = :url""")
                .param("at", utc(startedAt)).param("result", result.key()).param("error", error)
                .param("id", id).param("url", url).update();
    }

    private static Mirror mirror(ResultSet rs) throws SQLException {
        return new Mirror(rs.getLong("id"), rs.getLong("project_id"), new MirrorUrl(rs.getString("url")),
                instant(rs, "created_at"), instant(rs, "last_attempt_at"),
                MirrorResult.of(rs.getString("last_result")), rs.getString("last_error"));
    }
}
