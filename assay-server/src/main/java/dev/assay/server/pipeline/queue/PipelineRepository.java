package dev.assay.server.pipeline.queue;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.assay.server.logging.RequestIds;
import dev.assay.server.pipeline.LogLine;
import dev.assay.server.pipeline.Trigger;

/** The SQL for pipelines, their task results and their job logs. */
@Repository
public class PipelineRepository {

    /**
     * A pipeline about to be recorded: of a hosted project ({@code projectId}), or of a mirrored file
     * ({@code upstreamProject}, the upstream's URL in {@code upstreamUrl}, no project, release or file row).
     */
    public record NewPipeline(Long projectId, Long releaseId, Long fileId, String filename, String gitCommit, String gitRef,
            Long pushEventId, Trigger trigger, String requestedBy, Instant createdAt, String requestId,
            String upstreamProject, String upstreamUrl) {

        /** A pipeline of a hosted project created now, on behalf of the request (or push) this thread serves, if any. */
        public NewPipeline(long projectId, Long releaseId, Long fileId, String filename, String gitCommit, String gitRef,
                Long pushEventId, Trigger trigger, String requestedBy, Instant createdAt) {
            this(projectId, releaseId, fileId, filename, gitCommit, gitRef, pushEventId, trigger, requestedBy, createdAt,
                    RequestIds.current().orElse(null), null, null);
        }

        /** A pipeline of one distribution file. */
        static NewPipeline ofFile(long projectId, long releaseId, long fileId, String filename, Trigger trigger,
                String requestedBy, Instant createdAt) {
            return new NewPipeline(projectId, releaseId, fileId, filename, null, null, null, trigger, requestedBy,
                    createdAt);
        }

        /** A pipeline of the kept copy of a file an upstream lists for a name this index does not host. */
        public static NewPipeline ofMirroredFile(String upstreamProject, String filename, String upstreamUrl,
                Trigger trigger, String requestedBy, Instant createdAt) {
            return new NewPipeline(null, null, null, filename, null, null, null, trigger, requestedBy, createdAt,
                    RequestIds.current().orElse(null), upstreamProject, upstreamUrl);
        }
    }

    /** A pipeline row, without its results; {@code upstream} is the upstream's URL for a mirrored file's, else null. */
    public record PipelineRow(long id, String project, String version, Long fileId, String filename, String gitCommit,
            String gitRef, String trigger, String status, String requestedBy, Instant createdAt, Instant startedAt,
            Instant finishedAt, String upstream) {

        /** The job's total, from its claim to its result; null until it has finished. */
        public Long durationMs() {
            return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt).toMillis();
        }
    }

    /** The findings (a JSON array) of one task of a pipeline's latest job. */
    public record PipelineFindings(long pipelineId, String findingsJson) {
    }

    /** A task result as stored: findings and raw data as JSON text. */
    public record StoredTask(String task, String outcome, Instant startedAt, Instant endedAt, long durationMs, String summary,
            String findingsJson, String rawDataJson) {
    }

    private static final String SELECT = """
            SELECT p.id, COALESCE(pr.normalized_name, p.upstream_project) AS normalized_name, r.version, p.file_id,
                   p.filename, p.git_commit, p.git_ref, p.trigger_kind,
                   j.status, p.requested_by, p.created_at, j.started_at, j.finished_at, p.upstream_url
            FROM pipelines p JOIN pipeline_states j ON j.pipeline_id = p.id LEFT JOIN projects pr ON pr.id = p.project_id
            LEFT JOIN releases r ON r.id = p.release_id""";

    private final JdbcClient jdbc;

    PipelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewPipeline pipeline) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO pipelines (project_id, release_id, file_id, filename, git_commit, git_ref, push_event_id,
                    trigger_kind, requested_by, created_at, request_id, upstream_project, upstream_url)
                VALUES (:project, :release, :file, :filename, :commit, :ref, :event, :trigger, :by, :at, :request,
                    :upstreamProject, :upstreamUrl)""")
                .param("project", pipeline.projectId()).param("release", pipeline.releaseId())
                .param("file", pipeline.fileId()).param("filename", pipeline.filename())
                .param("commit", pipeline.gitCommit()).param("ref", pipeline.gitRef())
                .param("event", pipeline.pushEventId()).param("trigger", pipeline.trigger().key())
                .param("by", pipeline.requestedBy()).param("at", utc(pipeline.createdAt()))
                .param("request", pipeline.requestId()).param("upstreamProject", pipeline.upstreamProject())
                .param("upstreamUrl", pipeline.upstreamUrl())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<PipelineRow> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(PipelineRepository::row).optional();
    }

    List<PipelineRow> listForRelease(long releaseId) {
        return jdbc.sql(SELECT + " WHERE p.release_id = :release ORDER BY p.id DESC").param("release", releaseId)
                .query(PipelineRepository::row).list();
    }

    /** The newest pipeline of each file of the release, by file name. */
    List<PipelineRow> latestPerFile(long releaseId) {
        return jdbc.sql(SELECT + " " + """
                WHERE p.id IN (SELECT MAX(q.id) FROM pipelines q WHERE q.release_id = :release AND q.filename IS NOT NULL
                     GROUP BY q.filename)
                ORDER BY p.filename""").param("release", releaseId).query(PipelineRepository::row).list();
    }

    /** The pipelines of mirrored files of an upstream project, newest first. */
    public List<PipelineRow> listForUpstreamProject(String normalizedName, int limit) {
        return jdbc.sql(SELECT + " WHERE p.upstream_project = :name ORDER BY p.id DESC LIMIT :limit")
                .param("name", normalizedName).param("limit", limit).query(PipelineRepository::row).list();
    }

    /** The pipeline a push event queued, if it queued one. */
    public Optional<Long> findByPushEvent(long pushEventId) {
        return jdbc.sql("SELECT id FROM pipelines WHERE push_event_id = :event").param("event", pushEventId)
                .query(Long.class).optional();
    }

    /**
     * The project's pipelines of commits, newest first: those whose commit starts with {@code commitPrefix}
     * and whose ref is {@code ref}, each condition only when given.
     */
    public List<PipelineRow> listForCommits(long projectId, Optional<String> commitPrefix, Optional<String> ref, int limit) {
        return jdbc.sql(SELECT + " " + """
                WHERE p.project_id = :project AND p.git_commit IS NOT NULL
                  AND (:anyCommit OR p.git_commit LIKE :commit) AND (:anyRef OR p.git_ref = :ref)
                ORDER BY p.id DESC LIMIT :limit""")
                .param("project", projectId).param("anyCommit", commitPrefix.isEmpty())
                .param("commit", commitPrefix.orElse("") + "%").param("anyRef", ref.isEmpty())
                .param("ref", ref.orElse("")).param("limit", limit)
                .query(PipelineRepository::row).list();
    }

    /**
     * One page of the project's pipelines (of files and of commits), newest first: {@code limit} rows after
     * {@code offset}, of the status (as {@link PipelineRow#status}) and trigger given, each only when given.
     */
    public List<PipelineRow> listForProject(long projectId, Optional<String> status, Optional<String> trigger, int limit,
            long offset) {
        return jdbc.sql(SELECT + " " + """
                WHERE p.project_id = :project
                  AND (:anyStatus OR j.status = :status)
                  AND (:anyTrigger OR p.trigger_kind = :trigger)
                ORDER BY p.id DESC LIMIT :limit OFFSET :offset""")
                .param("project", projectId).param("anyStatus", status.isEmpty()).param("status", status.orElse(""))
                .param("anyTrigger", trigger.isEmpty()).param("trigger", trigger.orElse(""))
                .param("limit", limit).param("offset", offset)
                .query(PipelineRepository::row).list();
    }

    /**
     * The findings of the latest jobs of these pipelines, one row per task with a finding that may be of
     * severity error or critical (a coarse text match: callers read the JSON for the exact count).
     */
    public List<PipelineFindings> severeFindingsOf(List<Long> pipelineIds) {
        if (pipelineIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT j.pipeline_id, t.findings FROM pipeline_task_results t JOIN pipeline_jobs j ON j.id = t.job_id
                WHERE j.id IN (SELECT MAX(q.id) FROM pipeline_jobs q WHERE q.pipeline_id IN (:pipelines)
                               GROUP BY q.pipeline_id)
                  AND (t.findings LIKE :error OR t.findings LIKE :critical)""")
                .param("pipelines", pipelineIds).param("error", "%\"error\"%").param("critical", "%\"critical\"%")
                .query((rs, row) -> new PipelineFindings(rs.getLong("pipeline_id"), rs.getString("findings"))).list();
    }

    /** The newest pipeline of the ref that has ended, for the ref's badge. */
    public Optional<PipelineRow> latestFinishedOnRef(long projectId, String ref) {
        return jdbc.sql(SELECT + " " + """
                WHERE p.project_id = :project AND p.git_ref = :ref AND j.finished_at IS NOT NULL
                ORDER BY p.id DESC LIMIT 1""")
                .param("project", projectId).param("ref", ref).query(PipelineRepository::row).optional();
    }

    /**
     * The project's newest pipeline that has ended, for its badge: a downstream re-test says what a dependency's new
     * release does to the project, not how the project itself fares.
     */
    Optional<PipelineRow> latestFinished(long projectId) {
        return jdbc.sql(SELECT + " " + """
                WHERE p.project_id = :project AND j.finished_at IS NOT NULL AND p.trigger_kind <> 'downstream'
                ORDER BY p.id DESC LIMIT 1""")
                .param("project", projectId).query(PipelineRepository::row).optional();
    }

    void insertTask(long jobId, int position, StoredTask task) {
        jdbc.sql("""
                INSERT INTO pipeline_task_results (job_id, position, task, outcome, started_at, ended_at, duration_ms,
                    summary, findings, raw_data)
                VALUES (:job, :position, :task, :outcome, :start, :end, :duration, :summary, :findings, :raw)""")
                .param("job", jobId).param("position", position).param("task", task.task())
                .param("outcome", task.outcome()).param("start", utc(task.startedAt())).param("end", utc(task.endedAt()))
                .param("duration", task.durationMs()).param("summary", task.summary())
                .param("findings", task.findingsJson()).param("raw", task.rawDataJson()).update();
    }

    public List<StoredTask> tasks(long jobId) {
        return jdbc.sql("""
                SELECT task, outcome, started_at, ended_at, duration_ms, summary, findings, raw_data
                FROM pipeline_task_results WHERE job_id = :job ORDER BY position""").param("job", jobId)
                .query((rs, row) -> new StoredTask(rs.getString("task"), rs.getString("outcome"),
                        instant(rs, "started_at"), instant(rs, "ended_at"), rs.getLong("duration_ms"),
                        rs.getString("summary"), rs.getString("findings"), rs.getString("raw_data"))).list();
    }

    void insertLog(long jobId, int attempt, String task, String line, Instant at) {
        jdbc.sql("INSERT INTO pipeline_job_logs (job_id, attempt, task, line, logged_at) VALUES (:job, :attempt, :task, "
                        + ":line, :at)")
                .param("job", jobId).param("attempt", attempt).param("task", task).param("line", line)
                .param("at", utc(at)).update();
    }

    List<LogLine> log(long jobId) {
        return jdbc.sql("SELECT attempt, task, line, logged_at FROM pipeline_job_logs WHERE job_id = :job ORDER BY id")
                .param("job", jobId).query((rs, row) -> new LogLine(rs.getInt("attempt"), rs.getString("task"),
                        rs.getString("line"), instant(rs, "logged_at"))).list();
    }

    private static PipelineRow row(ResultSet rs, int row) throws SQLException {
        long fileId = rs.getLong("file_id");
        // wasNull speaks of the column read last: ask it right after file_id (null once the file is deleted)
        Long file = rs.wasNull() ? null : fileId;
        return new PipelineRow(rs.getLong("id"), rs.getString("normalized_name"), rs.getString("version"), file,
                rs.getString("filename"), rs.getString("git_commit"), rs.getString("git_ref"),
                rs.getString("trigger_kind"), rs.getString("status"), rs.getString("requested_by"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getString("upstream_url"));
    }
}
