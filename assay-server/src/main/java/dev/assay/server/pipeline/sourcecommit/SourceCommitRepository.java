package dev.assay.server.pipeline.sourcecommit;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the commits named for releases (V46). */
@Repository
class SourceCommitRepository {

    private static final String COLUMNS = "c.commit_id, c.named_by, c.named_by_user, c.named_at";

    private final JdbcClient jdbc;

    SourceCommitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NamedCommit> find(long releaseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM release_source_commits c WHERE c.release_id = :release")
                .param("release", releaseId).query((rs, row) -> named(rs)).optional();
    }

    /** By the project's normalized name and the release's version, as a pipeline job names them. */
    Optional<NamedCommit> find(String normalizedProject, String version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM release_source_commits c "
                        + "JOIN releases r ON r.id = c.release_id JOIN projects p ON p.id = r.project_id "
                        + "WHERE p.normalized_name = :project AND r.version = :version")
                .param("project", normalizedProject).param("version", version)
                .query((rs, row) -> named(rs)).optional();
    }

    /** Names the release's commit, replacing the one named before. */
    void save(long releaseId, NamedCommit named) {
        jdbc.sql("DELETE FROM release_source_commits WHERE release_id = :release").param("release", releaseId)
                .update();
        jdbc.sql("""
                INSERT INTO release_source_commits (release_id, commit_id, named_by, named_by_user, named_at)
                VALUES (:release, :commit, :by, :user, :at)""")
                .param("release", releaseId).param("commit", named.commit()).param("by", named.namedBy())
                .param("user", named.user()).param("at", utc(named.at())).update();
    }

    private static NamedCommit named(ResultSet rs) throws SQLException {
        return new NamedCommit(rs.getString("commit_id"), rs.getString("named_by"), rs.getString("named_by_user"),
                instant(rs, "named_at"));
    }
}
