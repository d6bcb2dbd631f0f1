package dev.assay.server.pipeline.rawdata;

import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The SQL for kept raw-data files: one row per complete file of a job attempt's task. */
@Repository
class RawFileRepository {

    /** A kept file as recorded; {@code truncatedBy} names the limit that cut it, or is null. */
    record KeptFile(String task, String name, long size, long originalSize, String truncatedBy) {
    }

    private final JdbcClient jdbc;

    RawFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a written file, replacing the row of an earlier upload of the same name. */
    @Transactional
    void replace(long jobId, int attempt, KeptFile file, Instant at) {
        jdbc.sql("DELETE FROM pipeline_raw_files WHERE job_id = :job AND attempt = :attempt AND task = :task "
                        + "AND name = :name")
                .param("job", jobId).param("attempt", attempt).param("task", file.task()).param("name", file.name())
                .update();
        jdbc.sql("""
                INSERT INTO pipeline_raw_files (job_id, attempt, task, name, size, original_size, truncated_by,
                    stored_at)
                VALUES (:job, :attempt, :task, :name, :size, :original, :truncatedBy, :at)""")
                .param("job", jobId).param("attempt", attempt).param("task", file.task()).param("name", file.name())
                .param("size", file.size()).param("original", file.originalSize())
                .param("truncatedBy", file.truncatedBy()).param("at", utc(at)).update();
    }

    /** The bytes kept for the job attempt, leaving out one task's file (the one about to be replaced). */
    long keptBytes(long jobId, int attempt, String exceptTask, String exceptName) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(size), 0) FROM pipeline_raw_files
                WHERE job_id = :job AND attempt = :attempt AND NOT (task = :task AND name = :name)""")
                .param("job", jobId).param("attempt", attempt).param("task", exceptTask).param("name", exceptName)
                .query(Long.class).single();
    }

    /** The files of one attempt of a job, by task then name. */
    List<KeptFile> files(long jobId, int attempt) {
        return jdbc.sql("""
                SELECT task, name, size, original_size, truncated_by FROM pipeline_raw_files
                WHERE job_id = :job AND attempt = :attempt ORDER BY task, name""")
                .param("job", jobId).param("attempt", attempt)
                .query(RawFileRepository::kept).list();
    }

    /** One recorded file of a job attempt. */
    Optional<KeptFile> file(long jobId, int attempt, String task, String name) {
        return jdbc.sql("""
                SELECT task, name, size, original_size, truncated_by FROM pipeline_raw_files
                WHERE job_id = :job AND attempt = :attempt AND task = :task AND name = :name""")
                .param("job", jobId).param("attempt", attempt).param("task", task).param("name", name)
                .query(RawFileRepository::kept).optional();
    }

    private static KeptFile kept(ResultSet rs, int row) throws SQLException {
        return new KeptFile(rs.getString("task"), rs.getString("name"), rs.getLong("size"),
                rs.getLong("original_size"), rs.getString("truncated_by"));
    }

    /** Which of these pipeline ids no longer have a row. */
    List<Long> missingPipelines(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> present = jdbc.sql("SELECT id FROM pipelines WHERE id IN (:ids)").param("ids", ids)
                .query(Long.class).list();
        return ids.stream().filter(id -> !present.contains(id)).toList();
    }
}
