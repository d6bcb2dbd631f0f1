package dev.assay.server.pipeline.downstream;

import static dev.assay.server.db.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.assay.server.pipeline.wheelhouse.IndexWheelhouse;

/** The SQL of downstream re-tests: which pipeline re-tests a dependent for which new release, against what. */
@Repository
class DownstreamRepository {

    /** One re-test: its pipeline, and the dependent's ordinary pipeline it is compared with (null: none). */
    record Run(long pipelineId, Long baselinePipelineId) {
    }

    private final JdbcClient jdbc;

    DownstreamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long releaseId, long pipelineId, Long baselinePipelineId, Instant now) {
        jdbc.sql("""
                INSERT INTO downstream_runs (release_id, pipeline_id, baseline_pipeline_id, created_at)
                VALUES (:release, :pipeline, :baseline, :now)""")
                .param("release", releaseId).param("pipeline", pipelineId).param("baseline", baselinePipelineId)
                .param("now", utc(now)).update();
    }

    boolean anyFor(long releaseId) {
        return jdbc.sql("SELECT COUNT(*) FROM downstream_runs WHERE release_id = :release")
                .param("release", releaseId).query(Long.class).single() > 0;
    }

    /** The release's re-tests in the order they were queued. */
    List<Run> runsOf(long releaseId) {
        return jdbc.sql("""
                SELECT pipeline_id, baseline_pipeline_id FROM downstream_runs WHERE release_id = :release
                ORDER BY id""").param("release", releaseId)
                .query((rs, row) -> new Run(rs.getLong("pipeline_id"), (Long) rs.getObject("baseline_pipeline_id",
                        Long.class))).list();
    }

    /** The new release a re-test's pipeline stages, if the pipeline is a re-test. */
    Optional<IndexWheelhouse.Pin> pin(long pipelineId) {
        return jdbc.sql("""
                SELECT p.normalized_name, r.version FROM downstream_runs d JOIN releases r ON r.id = d.release_id
                JOIN projects p ON p.id = r.project_id WHERE d.pipeline_id = :pipeline""")
                .param("pipeline", pipelineId)
                .query((rs, row) -> new IndexWheelhouse.Pin(rs.getString("normalized_name"), rs.getString("version")))
                .optional();
    }
}
