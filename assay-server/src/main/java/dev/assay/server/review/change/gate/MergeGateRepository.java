package dev.assay.server.review.change.gate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for merge gates. */
@Repository
class MergeGateRepository {

    private static final String SELECT = """
            SELECT branch, required_approvals, require_resolved, require_green, allow_fast_forward,
                   allow_merge_commit, allow_squash, keep_votes
            FROM merge_gates""";

    private final JdbcClient jdbc;

    MergeGateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MergeGate> find(long projectId, String branch) {
        return jdbc.sql(SELECT + " WHERE project_id = :project AND branch = :branch")
                .param("project", projectId).param("branch", branch).query(MergeGateRepository::gate).optional();
    }

    /** The configured gates of the project, by branch. */
    List<MergeGate> list(long projectId) {
        return jdbc.sql(SELECT + " WHERE project_id = :project ORDER BY branch").param("project", projectId)
                .query(MergeGateRepository::gate).list();
    }

    void put(long projectId, MergeGate gate) {
        jdbc.sql("DELETE FROM merge_gates WHERE project_id = :project AND branch = :branch")
                .param("project", projectId).param("branch", gate.branch()).update();
        jdbc.sql("""
                INSERT INTO merge_gates (project_id, branch, required_approvals, require_resolved, require_green,
                    allow_fast_forward, allow_merge_commit, allow_squash, keep_votes)
                VALUES (:project, :branch, :approvals, :resolved, :green, :ff, :merge, :squash, :keep)""")
                .param("project", projectId).param("branch", gate.branch())
                .param("approvals", gate.requiredApprovals()).param("resolved", gate.requireResolved())
                .param("green", gate.requireGreen())
                .param("ff", gate.methods().contains(MergeMethod.FAST_FORWARD))
                .param("merge", gate.methods().contains(MergeMethod.MERGE))
                .param("squash", gate.methods().contains(MergeMethod.SQUASH))
                .param("keep", gate.keepVotes()).update();
    }

    private static MergeGate gate(ResultSet rs, int row) throws SQLException {
        List<MergeMethod> methods = new ArrayList<>();
        if (rs.getBoolean("allow_fast_forward")) {
            methods.add(MergeMethod.FAST_FORWARD);
        }
        if (rs.getBoolean("allow_merge_commit")) {
            methods.add(MergeMethod.MERGE);
        }
        if (rs.getBoolean("allow_squash")) {
            methods.add(MergeMethod.SQUASH);
        }
        return new MergeGate(rs.getString("branch"), rs.getInt("required_approvals"),
                rs.getBoolean("require_resolved"), rs.getBoolean("require_green"), List.copyOf(methods),
                rs.getBoolean("keep_votes"));
    }
}
