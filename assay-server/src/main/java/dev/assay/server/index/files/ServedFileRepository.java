package dev.assay.server.index.files;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.assay.server.index.HeldReleases;

/** The SQL for serving files: a file name is looked up, never trusted as a path. */
@Repository
class ServedFileRepository {

    /** What serving a distribution file needs to know about it; {@code held}: its release is held for review. */
    record StoredFile(String normalizedProject, String filename, long size, String sha256,
            Optional<String> metadataSha256, String version, boolean held) {
    }

    private final JdbcClient jdbc;

    ServedFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredFile> find(String filename) {
        return jdbc.sql("""
                SELECT p.normalized_name, f.filename, f.size, f.sha256, f.metadata_sha256, r.version,
                       CASE WHEN %s THEN TRUE ELSE FALSE END AS held
                FROM distribution_files f
                JOIN releases r ON r.id = f.release_id
                JOIN projects p ON p.id = r.project_id
                WHERE f.filename = :filename""".formatted(HeldReleases.HELD))
                .param("filename", filename)
                .query((rs, row) -> new StoredFile(rs.getString("normalized_name"), rs.getString("filename"),
                        rs.getLong("size"), rs.getString("sha256"),
                        Optional.ofNullable(rs.getString("metadata_sha256")), rs.getString("version"),
                        rs.getBoolean("held")))
                .optional();
    }
}
