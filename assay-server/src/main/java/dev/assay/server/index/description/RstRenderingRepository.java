package dev.assay.server.index.description;

import static dev.assay.server.db.Timestamps.utc;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for rendered reStructuredText descriptions, one row per release. */
@Repository
class RstRenderingRepository {

    private final JdbcClient jdbc;

    RstRenderingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RstRendering> find(long releaseId) {
        return jdbc.sql("SELECT release_id, description_sha256, html, problem FROM rendered_descriptions "
                        + "WHERE release_id = :release")
                .param("release", releaseId)
                .query((rs, row) -> new RstRendering(rs.getLong("release_id"), rs.getString("description_sha256"),
                        Optional.ofNullable(rs.getString("html")), Optional.ofNullable(rs.getString("problem"))))
                .optional();
    }

    /**
     * Keeps the rendering, replacing the release's earlier one. The wheel's and the sdist's jobs may finish at
     * once: the second insert does nothing rather than fail, and both rendered the same text.
     */
    void save(RstRendering rendering, long pipelineId, Instant at) {
        int updated = jdbc.sql("""
                UPDATE rendered_descriptions SET description_sha256 = :sha, html = :html, problem = :problem,
                    pipeline_id = :pipeline, rendered_at = :at
                WHERE release_id = :release""")
                .params(params(rendering, pipelineId, at)).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO rendered_descriptions (release_id, description_sha256, html, problem, pipeline_id,
                        rendered_at)
                    VALUES (:release, :sha, :html, :problem, :pipeline, :at) ON CONFLICT DO NOTHING""")
                    .params(params(rendering, pipelineId, at)).update();
        }
    }

    private static Map<String, Object> params(RstRendering rendering, long pipelineId, Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("release", rendering.releaseId());
        params.put("sha", rendering.descriptionSha256());
        params.put("html", rendering.html().orElse(null));
        params.put("problem", rendering.problem().orElse(null));
        params.put("pipeline", pipelineId);
        params.put("at", utc(at));
        return params;
    }
}
