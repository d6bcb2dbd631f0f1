package dev.assay.server.pipeline.queue;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.assay.server.pipeline.WorkerIdentity;

/** The SQL for pipeline jobs: inserting, claiming (through the database's {@link JobClaims}), leases, finishing. */
@Repository
public class JobRepository {

    /**
     * A job as a worker holding it sees it; {@code startedAt} is its first claim's time, {@code upstream} the
     * upstream's URL when it tests a mirrored file (then {@code project} is the upstream project's name),
     * {@code python} the version series it runs on (null: any).
     */
    public record HeldJob(long id, long pipelineId, String status, int attempts, String lease, Instant leaseExpiresAt,
            String project, String version, String filename, String gitCommit, String gitRef, Instant startedAt, String requestId,
            String upstream, String python) {

        /** Whether the job tests the kept copy of a mirrored file rather than a hosted project's file or commit. */
        public boolean testsMirroredFile() {
            return upstream != null;
        }
    }

    /** A running job whose lease ran out. */
    record Expired(long id, long pipelineId, long version, int attempts) {
    }

    private static final String HELD = """
            SELECT j.id, j.pipeline_id, j.status, j.attempts, j.lease_token, j.lease_expires_at, j.started_at,
                   COALESCE(pr.normalized_name, p.upstream_project) AS normalized_name, r.version, p.filename,
                   p.git_commit, p.git_ref, p.request_id, p.upstream_url, j.python
            FROM pipeline_jobs j JOIN pipelines p ON p.id = j.pipeline_id LEFT JOIN projects pr ON pr.id = p.project_id
            LEFT JOIN releases r ON r.id = p.release_id""";

    private final JdbcClient jdbc;
    private final JobClaims claims;

    JobRepository(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.claims = JobClaims.forProduct(connection.getMetaData().getDatabaseProductName());
        }
    }

    public long insert(long pipelineId, Instant now) {
        return insert(pipelineId, null, now);
    }

    /** Queues a job of the pipeline for the Python series {@code python} (null: for any worker). */
    public long insert(long pipelineId, String python, Instant now) {
        return insert(pipelineId, python, now, JobPriority.NORMAL);
    }

    /** Queues a job as {@link #insert(long, String, Instant)} does, claimed in the order of {@code priority}. */
    public long insert(long pipelineId, String python, Instant now, JobPriority priority) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO pipeline_jobs (pipeline_id, status, created_at, python, priority)
                VALUES (:pipeline, 'queued', :now, :python, :priority)""")
                .param("pipeline", pipelineId).param("now", utc(now)).param("python", python)
                .param("priority", priority.value()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** One job of a pipeline: its id, its Python series (null: any) and its state as a pipeline's is shown. */
    public record MatrixJob(long id, String python, String status) {
    }

    /** The pipeline's jobs, one per Python series it tests, in the order they were queued. */
    public List<MatrixJob> jobsOf(long pipelineId) {
        return jdbc.sql("""
                SELECT id, python, CASE WHEN status = 'finished' THEN outcome ELSE status END AS status
                FROM pipeline_jobs WHERE pipeline_id = :pipeline ORDER BY id""").param("pipeline", pipelineId)
                .query((rs, row) -> new MatrixJob(rs.getLong("id"), rs.getString("python"), rs.getString("status")))
                .list();
    }

    Optional<Long> claim(JobClaims.Claim claim, JobClaims.Claimable claimable) {
        return claims.claim(jdbc, claim, claimable);
    }

    Optional<HeldJob> find(long id) {
        return jdbc.sql(HELD + " WHERE j.id = :id").param("id", id).query((rs, row) -> new HeldJob(rs.getLong("id"),
                rs.getLong("pipeline_id"), rs.getString("status"), rs.getInt("attempts"), rs.getString("lease_token"),
                instant(rs, "lease_expires_at"), rs.getString("normalized_name"), rs.getString("version"),
                rs.getString("filename"), rs.getString("git_commit"), rs.getString("git_ref"),
                instant(rs, "started_at"), rs.getString("request_id"), rs.getString("upstream_url"),
                rs.getString("python"))).optional();
    }

    /** The running jobs whose lease ran out before {@code now}, the longest abandoned first. */
    List<Expired> expired(Instant now) {
        return jdbc.sql("""
                SELECT id, pipeline_id, version, attempts FROM pipeline_jobs
                WHERE status = 'running' AND lease_expires_at < :now ORDER BY lease_expires_at""")
                .param("now", utc(now))
                .query((rs, row) -> new Expired(rs.getLong("id"), rs.getLong("pipeline_id"), rs.getLong("version"),
                        rs.getInt("attempts"))).list();
    }

    /** Ends an exhausted job with status error; false when someone changed it since it was read. */
    boolean giveUp(Expired job, String error, Instant now) {
        return jdbc.sql("""
                UPDATE pipeline_jobs SET status = 'error', error = :error, finished_at = :now, lease_token = NULL,
                    lease_expires_at = NULL, version = version + 1
                WHERE id = :id AND version = :version AND status = 'running'""")
                .param("error", error).param("now", utc(now)).param("id", job.id()).param("version", job.version())
                .update() == 1;
    }

    /** Extends a live lease; false when the lease is not this one or has already run out. */
    boolean extend(long id, String lease, Instant now, Instant expiry) {
        return jdbc.sql("""
                UPDATE pipeline_jobs SET lease_expires_at = :expiry
                WHERE id = :id AND lease_token = :lease AND status = 'running' AND lease_expires_at >= :now""")
                .param("expiry", utc(expiry)).param("id", id).param("lease", lease).param("now", utc(now))
                .update() == 1;
    }

    /** Finishes a job held under a live lease; false when the lease is not this one or has run out. */
    boolean finish(long id, String lease, String outcome, Instant now) {
        return jdbc.sql("""
                UPDATE pipeline_jobs SET status = 'finished', outcome = :outcome, finished_at = :now, lease_token = NULL,
                    lease_expires_at = NULL, version = version + 1
                WHERE id = :id AND lease_token = :lease AND status = 'running' AND lease_expires_at >= :now""")
                .param("id", id).param("lease", lease).param("outcome", outcome).param("now", utc(now))
                .update() == 1;
    }

    /** Names the worker that now holds the job (just claimed it). */
    /** The worker that holds or last held the job; empty while it has never been claimed. */
    Optional<WorkerIdentity> worker(long id) {
        return jdbc.sql("""
                SELECT worker_kind, worker_name, worker_host, worker_owner, worker_token_id, worker_token_prefix
                FROM pipeline_jobs WHERE id = :id AND worker_kind IS NOT NULL""").param("id", id)
                .query((rs, row) -> new WorkerIdentity(rs.getString("worker_kind"), rs.getString("worker_name"),
                        rs.getString("worker_host"), rs.getString("worker_owner"),
                        rs.getObject("worker_token_id") == null ? null : rs.getLong("worker_token_id"),
                        rs.getString("worker_token_prefix"))).optional();
    }

    /** The id of the pipeline's latest job. */
    public Optional<Long> latestJob(long pipelineId) {
        return jdbc.sql("SELECT MAX(id) FROM pipeline_jobs WHERE pipeline_id = :pipeline").param("pipeline", pipelineId)
                .query(Long.class).optional();
    }

    public int attempts(long jobId) {
        return jdbc.sql("SELECT attempts FROM pipeline_jobs WHERE id = :id").param("id", jobId).query(Integer.class)
                .single();
    }
}
