package dev.assay.server.upstream.files;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for kept upstream files. */
@Repository
class KeptFileRepository {

    private final JdbcClient jdbc;

    KeptFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<KeptFile> find(String normalizedProject, String filename) {
        return jdbc.sql("""
                SELECT normalized_name, filename, sha256, size, upstream_url, source_url, kept_at
                FROM upstream_kept_files WHERE normalized_name = :name AND filename = :filename""")
                .param("name", normalizedProject).param("filename", filename)
                .query((rs, row) -> new KeptFile(rs.getString("normalized_name"), rs.getString("filename"),
                        rs.getString("sha256"), rs.getLong("size"), rs.getString("upstream_url"),
                        rs.getString("source_url"), instant(rs, "kept_at")))
                .optional();
    }

    /**
     * Records a file that took its place; another server that kept the same file first is no error. Returns whether
     * this call recorded it.
     */
    boolean insert(KeptFile file) {
        try {
            jdbc.sql("""
                    INSERT INTO upstream_kept_files (normalized_name, filename, sha256, size, upstream_url, source_url,
                        kept_at)
                    VALUES (:name, :filename, :sha256, :size, :upstream, :source, :at)""")
                    .param("name", file.normalizedProject()).param("filename", file.filename())
                    .param("sha256", file.sha256()).param("size", file.size()).param("upstream", file.upstreamUrl())
                    .param("source", file.sourceUrl()).param("at", utc(file.keptAt())).update();
            return true;
        } catch (DuplicateKeyException keptConcurrently) {
            // same name, same checked bytes (the hash upstream lists): the row already says what this one would
            return false;
        }
    }
}
