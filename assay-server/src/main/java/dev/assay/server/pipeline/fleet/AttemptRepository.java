package dev.assay.server.pipeline.fleet;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for the attempts of jobs, and for revoking the leases a cancelled worker holds. */
@Repository
class AttemptRepository {

    /** A job a worker holds under a live lease, and the attempt it is. */
    record Held(long jobId, int attempt) {
    }

    private final JdbcClient jdbc;

    AttemptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ends the job's attempts still running (a lost lease ends one unseen) as {@code ended} at {@code now}. */
    void endRunning(long jobId, String ended, Instant now) {
        jdbc.sql("""
                UPDATE job_attempts SET ended = :ended, ended_at = :now WHERE job_id = :job AND ended = 'running'""")
                .param("ended", ended).param("now", utc(now)).param("job", jobId).update();
    }

    /** Ends one attempt, if it is still running. */
    void end(long jobId, int attempt, String ended, Instant now) {
        jdbc.sql("""
                UPDATE job_attempts SET ended = :ended, ended_at = :now
                WHERE job_id = :job AND attempt = :attempt AND ended = 'running'""")
                .param("ended", ended).param("now", utc(now)).param("job", jobId).param("attempt", attempt).update();
    }

    void insert(long jobId, int attempt, String holder, String worker, Instant now) {
        jdbc.sql("""
                INSERT INTO job_attempts (job_id, attempt, holder, worker, claimed_at, ended)
                VALUES (:job, :attempt, :holder, :worker, :now, 'running')""")
                .param("job", jobId).param("attempt", attempt).param("holder", holder).param("worker", worker)
                .param("now", utc(now)).update();
    }

    /** The attempts of every job of the pipeline, oldest first. */
    List<JobAttempt> ofPipeline(long pipelineId) {
        return jdbc.sql("""
                SELECT a.job_id, a.attempt, a.worker, a.claimed_at, a.ended_at, a.ended
                FROM job_attempts a JOIN pipeline_jobs j ON j.id = a.job_id
                WHERE j.pipeline_id = :pipeline ORDER BY a.job_id, a.attempt""")
                .param("pipeline", pipelineId).query(AttemptRepository::attempt).list();
    }

    /** The attempts of one job, oldest first. */
    List<JobAttempt> ofJob(long jobId) {
        return jdbc.sql("""
                SELECT job_id, attempt, worker, claimed_at, ended_at, ended FROM job_attempts
                WHERE job_id = :job ORDER BY attempt""")
                .param("job", jobId).query(AttemptRepository::attempt).list();
    }

    /** The jobs {@code holder} holds under a live lease. */
    List<Held> held(String holder, Instant now) {
        return jdbc.sql("""
                SELECT id, attempts FROM pipeline_jobs
                WHERE status = 'running' AND lease_holder = :holder AND lease_expires_at >= :now ORDER BY id""")
                .param("holder", holder).param("now", utc(now))
                .query((rs, row) -> new Held(rs.getLong("id"), rs.getInt("attempts"))).list();
    }

    /** Who holds a live lease on a running job at {@code now}: the workers busy with one. */
    Set<String> holdersOfLiveLeases(Instant now) {
        return Set.copyOf(jdbc.sql("""
                SELECT DISTINCT lease_holder FROM pipeline_jobs
                WHERE status = 'running' AND lease_holder IS NOT NULL AND lease_expires_at >= :now""")
                .param("now", utc(now)).query(String.class).list());
    }

    /**
     * Revokes the lease of a job held as {@code held}: it expires now, so that the next claim takes the job again
     * and the holder's heartbeat and result are refused; false when the job was finished or claimed meanwhile.
     */
    boolean revoke(Held held, String holder, Instant now) {
        return jdbc.sql("""
                UPDATE pipeline_jobs SET lease_token = NULL, lease_expires_at = :past, version = version + 1
                WHERE id = :id AND attempts = :attempt AND lease_holder = :holder AND status = 'running'""")
                .param("past", utc(now.minusMillis(1))).param("id", held.jobId()).param("attempt", held.attempt())
                .param("holder", holder).update() == 1;
    }

    private static JobAttempt attempt(ResultSet row, int number) throws SQLException {
        return new JobAttempt(row.getLong("job_id"), row.getInt("attempt"), row.getString("worker"),
                instant(row, "claimed_at"), instant(row, "ended_at"), row.getString("ended"));
    }
}
