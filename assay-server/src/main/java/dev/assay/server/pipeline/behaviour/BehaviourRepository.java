package dev.assay.server.pipeline.behaviour;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of behaviour profiles (V42): items per release, the profiled mark with its hold, policies per project. */
@Repository
class BehaviourRepository {

    /** A release's profile mark: when it was first taken, and why its new behaviour held it (null: it did not). */
    record Profiled(Instant at, String holdReason) {
    }

    private final JdbcClient jdbc;

    BehaviourRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the items the release does not have yet and marks it profiled. */
    void add(long releaseId, List<BehaviourItem> items, Instant at) {
        for (BehaviourItem item : items) {
            jdbc.sql("""
                    INSERT INTO release_behaviour_items (release_id, kind, item, step, seen_at)
                    VALUES (:release, :kind, :item, :step, :at) ON CONFLICT DO NOTHING""")
                    .param("release", releaseId).param("kind", item.kind()).param("item", item.value())
                    .param("step", item.step()).param("at", utc(at)).update();
        }
        jdbc.sql("INSERT INTO release_behaviour_profiles (release_id, profiled_at) VALUES (:release, :at) "
                + "ON CONFLICT DO NOTHING").param("release", releaseId).param("at", utc(at)).update();
    }

    List<BehaviourItem> items(long releaseId) {
        return jdbc.sql("SELECT kind, item, step FROM release_behaviour_items WHERE release_id = :release "
                        + "ORDER BY kind, item, step")
                .param("release", releaseId)
                .query((rs, row) -> new BehaviourItem(rs.getString("kind"), rs.getString("item"), rs.getString("step")))
                .list();
    }

    Optional<Profiled> profiled(long releaseId) {
        return jdbc.sql("SELECT profiled_at, hold_reason FROM release_behaviour_profiles WHERE release_id = :release")
                .param("release", releaseId)
                .query((rs, row) -> new Profiled(instant(rs, "profiled_at"),
                        rs.getString("hold_reason")))
                .optional();
    }

    /** Records why the release was held; false when it already was. */
    boolean markHeld(long releaseId, String reason) {
        return jdbc.sql("UPDATE release_behaviour_profiles SET hold_reason = :reason WHERE release_id = :release "
                        + "AND hold_reason IS NULL")
                .param("reason", reason).param("release", releaseId).update() == 1;
    }

    /** The project's own choices, by kind key. */
    Map<String, String> policy(long projectId) {
        return jdbc.sql("SELECT kind, action FROM behaviour_policies WHERE project_id = :project")
                .param("project", projectId)
                .query((rs, row) -> Map.entry(rs.getString("kind"), rs.getString("action"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void setPolicy(long projectId, String kind, String action) {
        jdbc.sql("DELETE FROM behaviour_policies WHERE project_id = :project AND kind = :kind")
                .param("project", projectId).param("kind", kind).update();
        jdbc.sql("INSERT INTO behaviour_policies (project_id, kind, action) VALUES (:project, :kind, :action)")
                .param("project", projectId).param("kind", kind).param("action", action).update();
    }
}
