package dev.assay.server.git.protection;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for protected branches. */
@Repository
class ProtectedBranchRepository {

    private final JdbcClient jdbc;

    ProtectedBranchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> list(long projectId) {
        return jdbc.sql("SELECT branch FROM git_protected_branches WHERE project_id = :project ORDER BY branch")
                .param("project", projectId).query(String.class).list();
    }

    boolean isProtected(long projectId, String branch) {
        return jdbc.sql("SELECT COUNT(*) FROM git_protected_branches WHERE project_id = :project AND branch = :branch")
                .param("project", projectId).param("branch", branch).query(Long.class).single() > 0;
    }

    List<String> changesOnly(long projectId) {
        return jdbc.sql("SELECT branch FROM git_protected_branches WHERE project_id = :project AND changes_only"
                        + " ORDER BY branch")
                .param("project", projectId).query(String.class).list();
    }

    boolean isChangesOnly(long projectId, String branch) {
        return jdbc.sql("SELECT COUNT(*) FROM git_protected_branches WHERE project_id = :project AND branch = :branch"
                        + " AND changes_only")
                .param("project", projectId).param("branch", branch).query(Long.class).single() > 0;
    }

    /** Replaces the project's protected branches; those in {@code changesOnly} take changes only through requests. */
    void replace(long projectId, Collection<String> branches, Collection<String> changesOnly) {
        jdbc.sql("DELETE FROM git_protected_branches WHERE project_id = :project").param("project", projectId).update();
        for (String branch : branches) {
            jdbc.sql("INSERT INTO git_protected_branches (project_id, branch, changes_only)"
                            + " VALUES (:project, :branch, :changesOnly)")
                    .param("project", projectId).param("branch", branch)
                    .param("changesOnly", changesOnly.contains(branch)).update();
        }
    }
}
