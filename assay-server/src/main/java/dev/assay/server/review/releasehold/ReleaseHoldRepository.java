package dev.assay.server.review.releasehold;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of release holds. */
@Repository
class ReleaseHoldRepository {

    /** A hold that still holds a release of a project, with the release's version. */
    record HeldVersion(long holdId, long releaseId, String version, String reason) {
    }

    private static final String SELECT = """
            SELECT h.id, h.release_id, h.kind, h.reason, h.held_at, h.released_at, u.name AS username, h.decision
            FROM release_holds h LEFT JOIN users u ON u.id = h.released_by""";

    private final JdbcClient jdbc;

    ReleaseHoldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long projectId, long releaseId, HoldKind kind, String reason, Instant at) {
        jdbc.sql("""
                INSERT INTO release_holds (release_id, project_id, kind, reason, held_at)
                VALUES (:release, :project, :kind, :reason, :at)""")
                .param("release", releaseId).param("project", projectId).param("kind", kind.key())
                .param("reason", reason).param("at", utc(at)).update();
    }

    /** Every hold of the release, newest first. */
    List<ReleaseHold> history(long releaseId) {
        return jdbc.sql(SELECT + " WHERE h.release_id = :release ORDER BY h.id DESC").param("release", releaseId)
                .query(ReleaseHoldRepository::hold).list();
    }

    /** The holds that still hold a release of the project, oldest first. */
    List<HeldVersion> activeInProject(long projectId) {
        return jdbc.sql("""
                SELECT h.id, h.release_id, r.version, h.reason FROM release_holds h JOIN releases r ON r.id = h.release_id
                WHERE h.project_id = :project AND h.released_at IS NULL ORDER BY h.id""")
                .param("project", projectId)
                .query((rs, row) -> new HeldVersion(rs.getLong("id"), rs.getLong("release_id"), rs.getString("version"),
                        rs.getString("reason")))
                .list();
    }

    /** Releases the hold unless it was released already; false then. {@code userId} null: automatically. */
    boolean release(long holdId, Long userId, String decision, Instant at) {
        return jdbc.sql("""
                UPDATE release_holds SET released_at = :at, released_by = :user, decision = :decision
                WHERE id = :id AND released_at IS NULL""")
                .param("at", utc(at)).param("user", userId).param("decision", decision).param("id", holdId)
                .update() == 1;
    }

    /** Says why the hold holds its release now (the release gate's reason changes as its checks end). */
    void changeReason(long holdId, String reason) {
        jdbc.sql("UPDATE release_holds SET reason = :reason WHERE id = :id AND released_at IS NULL")
                .param("reason", reason).param("id", holdId).update();
    }

    private static ReleaseHold hold(ResultSet rs, int row) throws SQLException {
        return new ReleaseHold(rs.getLong("id"), rs.getLong("release_id"), HoldKind.ofKey(rs.getString("kind")),
                rs.getString("reason"), instant(rs, "held_at"), instant(rs, "released_at"), rs.getString("username"),
                rs.getString("decision"));
    }
}
