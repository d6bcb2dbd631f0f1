package dev.assay.server.index.releasediff;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL tying a release to the discussion of its diff. */
@Repository
class ReleaseDiffRepository {

    private final JdbcClient jdbc;

    ReleaseDiffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long discussionId, long releaseId) {
        jdbc.sql("INSERT INTO release_diffs (discussion_id, release_id) VALUES (:discussion, :release)")
                .param("discussion", discussionId).param("release", releaseId).update();
    }

    Optional<Long> discussionOf(long releaseId) {
        return jdbc.sql("SELECT discussion_id FROM release_diffs WHERE release_id = :release")
                .param("release", releaseId).query(Long.class).optional();
    }

    /** The project and version a release diff discussion is about. */
    Optional<Subject> subjectOf(long discussionId) {
        return jdbc.sql("""
                SELECT r.project_id, r.version FROM release_diffs d JOIN releases r ON r.id = d.release_id
                WHERE d.discussion_id = :discussion""").param("discussion", discussionId)
                .query((rs, row) -> new Subject(rs.getLong("project_id"), rs.getString("version"))).optional();
    }

    /** A release named by its project's id and its version. */
    record Subject(long projectId, String version) {
    }
}
