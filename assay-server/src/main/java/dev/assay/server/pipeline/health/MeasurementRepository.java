package dev.assay.server.pipeline.health;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for what finished jobs measured. */
@Repository
public class MeasurementRepository {

    /** A measured job with what it tested: a release's version, or a commit and its ref. */
    public record MeasuredJob(long pipelineId, String version, String gitCommit, String gitRef,
            Measurement measurement) {
    }

    /** A finished job that has no measurements: it finished before they were kept. */
    record Unmeasured(long jobId, Instant startedAt, Instant finishedAt) {
    }

    private static final String SELECT = """
            SELECT p.id AS pipeline_id, r.version, p.git_commit, p.git_ref, m.tests_passed, m.tests_failed,
                   m.tests_skipped, m.tests_errors, m.coverage, m.duration_ms, m.finished_at
            FROM pipeline_measurements m JOIN pipeline_jobs j ON j.id = m.job_id
            JOIN pipelines p ON p.id = j.pipeline_id LEFT JOIN releases r ON r.id = p.release_id""";

    private final JdbcClient jdbc;

    MeasurementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps what a finished job measured, in the transaction that records its result. */
    public void insert(long jobId, Measurement m) {
        jdbc.sql("""
                INSERT INTO pipeline_measurements (job_id, tests_passed, tests_failed, tests_skipped, tests_errors,
                    coverage, duration_ms, finished_at)
                VALUES (:job, :passed, :failed, :skipped, :errors, :coverage, :duration, :finished)""")
                .param("job", jobId).param("passed", m.passed()).param("failed", m.failed())
                .param("skipped", m.skipped()).param("errors", m.errors()).param("coverage", m.coverage())
                .param("duration", m.durationMs()).param("finished", utc(m.finishedAt())).update();
    }

    /**
     * Per release of the project, the newest measured job of its pipelines: of the {@code limit} newest releases
     * that have one, oldest release first.
     */
    List<MeasuredJob> perRelease(long projectId, int limit) {
        List<MeasuredJob> newestFirst = jdbc.sql(SELECT + " " + """
                WHERE m.job_id IN (SELECT MAX(m2.job_id) FROM pipeline_measurements m2
                                   JOIN pipeline_jobs j2 ON j2.id = m2.job_id JOIN pipelines p2 ON p2.id = j2.pipeline_id
                                   WHERE p2.project_id = :project AND p2.release_id IS NOT NULL
                                   GROUP BY p2.release_id)
                ORDER BY r.id DESC LIMIT :limit""")
                .param("project", projectId).param("limit", limit).query(MeasurementRepository::row).list();
        List<MeasuredJob> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The project's newest measured jobs of commits on a branch, newest first. */
    List<MeasuredJob> ofBranches(long projectId, int limit) {
        return jdbc.sql(SELECT + " " + """
                WHERE p.project_id = :project AND p.git_ref LIKE 'refs/heads/%'
                ORDER BY m.finished_at DESC, m.job_id DESC LIMIT :limit""")
                .param("project", projectId).param("limit", limit).query(MeasurementRepository::row).list();
    }

    /** Up to {@code limit} finished jobs without measurements after job {@code after}, oldest first. */
    List<Unmeasured> unmeasured(long after, int limit) {
        return jdbc.sql("""
                SELECT j.id, j.started_at, j.finished_at FROM pipeline_jobs j
                WHERE j.id > :after AND j.status = 'finished' AND j.finished_at IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM pipeline_measurements m WHERE m.job_id = j.id)
                ORDER BY j.id LIMIT :limit""")
                .param("after", after).param("limit", limit)
                .query((rs, row) -> new Unmeasured(rs.getLong("id"), instant(rs, "started_at"),
                        instant(rs, "finished_at"))).list();
    }

    /** The raw data (JSON objects) of the job's task results, in the tasks' order. */
    List<String> rawDataOf(long jobId) {
        return jdbc.sql("SELECT raw_data FROM pipeline_task_results WHERE job_id = :job ORDER BY position")
                .param("job", jobId).query(String.class).list();
    }

    private static MeasuredJob row(ResultSet rs, int row) throws SQLException {
        Measurement measurement = new Measurement(rs.getObject("tests_passed", Integer.class),
                rs.getObject("tests_failed", Integer.class), rs.getObject("tests_skipped", Integer.class),
                rs.getObject("tests_errors", Integer.class), rs.getObject("coverage", Double.class),
                rs.getLong("duration_ms"), instant(rs, "finished_at"));
        return new MeasuredJob(rs.getLong("pipeline_id"), rs.getString("version"), rs.getString("git_commit"),
                rs.getString("git_ref"), measurement);
    }
}
