package dev.assay.server.review.releasegate;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of projects' release gates. */
@Repository
class ReleaseGateRepository {

    private final JdbcClient jdbc;

    ReleaseGateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> mode(long projectId) {
        return jdbc.sql("SELECT mode FROM release_gates WHERE project_id = :project").param("project", projectId)
                .query(String.class).optional();
    }

    void setMode(long projectId, String mode) {
        if (jdbc.sql("UPDATE release_gates SET mode = :mode WHERE project_id = :project").param("mode", mode)
                .param("project", projectId).update() == 0) {
            jdbc.sql("INSERT INTO release_gates (project_id, mode) VALUES (:project, :mode)")
                    .param("project", projectId).param("mode", mode).update();
        }
    }
}
