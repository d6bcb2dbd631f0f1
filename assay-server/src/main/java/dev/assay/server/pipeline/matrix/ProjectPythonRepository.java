package dev.assay.server.pipeline.matrix;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for the Python series each project chose to test. */
@Repository
class ProjectPythonRepository {

    private final JdbcClient jdbc;

    ProjectPythonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The project's chosen series, by number; empty when it chose none. */
    List<String> of(long projectId) {
        return jdbc.sql("SELECT python FROM project_pythons WHERE project_id = :project ORDER BY python")
                .param("project", projectId).query(String.class).list().stream().sorted(PythonMatrix.BY_NUMBER)
                .toList();
    }

    /** Replaces the project's choice with {@code series} (empty: back to what the online workers offer). */
    void replace(long projectId, List<String> series) {
        jdbc.sql("DELETE FROM project_pythons WHERE project_id = :project").param("project", projectId).update();
        for (String python : series) {
            jdbc.sql("INSERT INTO project_pythons (project_id, python) VALUES (:project, :python)")
                    .param("project", projectId).param("python", python).update();
        }
    }
}
