package dev.assay.server.index;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL for distribution files and the register of file names ever used. */
@Repository
public class FileRepository {

    private static final String COLUMNS = """
            SELECT f.id, f.release_id, f.filename, f.package_type, f.python_version, f.requires_python, f.size,
                   f.sha256, f.md5, f.blake2_256, f.metadata_sha256, f.uploaded_at, u.name AS uploader""";

    private static final String SELECT = COLUMNS + " FROM distribution_files f LEFT JOIN users u ON u.id = f.uploaded_by";

    /*
     * The releases first: H2 keeps the written order of the tables from the first outer join on, so with the files
     * first it would read every file of the index to keep one project's.
     */
    static final String PROJECT_FILES = COLUMNS + """

            FROM releases r JOIN distribution_files f ON f.release_id = r.id LEFT JOIN users u ON u.id = f.uploaded_by
            WHERE r.project_id = :project ORDER BY f.filename""";

    /** A file about to be recorded. */
    public record NewFile(long releaseId, String filename, String packageType, String pythonVersion,
            String requiresPython, long size, String sha256, String md5, String blake2b256, String metadataSha256,
            Instant uploadedAt, long uploaderId) {
    }

    private final JdbcClient jdbc;

    public FileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean fileNameUsed(String filename) {
        return jdbc.sql("SELECT COUNT(*) FROM used_file_names WHERE filename = :name").param("name", filename)
                .query(Long.class).single() > 0;
    }

    public long insert(NewFile file) {
        jdbc.sql("INSERT INTO used_file_names (filename, used_at) VALUES (:name, :at)")
                .param("name", file.filename()).param("at", utc(file.uploadedAt())).update();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO distribution_files (release_id, filename, package_type, python_version, requires_python,
                    size, sha256, md5, blake2_256, metadata_sha256, uploaded_at, uploaded_by)
                VALUES (:release, :filename, :packageType, :pythonVersion, :requiresPython, :size, :sha256, :md5,
                    :blake2, :metadataSha256, :at, :uploader)""")
                .param("release", file.releaseId()).param("filename", file.filename())
                .param("packageType", file.packageType()).param("pythonVersion", file.pythonVersion())
                .param("requiresPython", file.requiresPython()).param("size", file.size())
                .param("sha256", file.sha256()).param("md5", file.md5()).param("blake2", file.blake2b256())
                .param("metadataSha256", file.metadataSha256()).param("at", utc(file.uploadedAt()))
                .param("uploader", file.uploaderId())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<DistributionFile> findByFilename(String filename) {
        return jdbc.sql(SELECT + " WHERE f.filename = :name").param("name", filename)
                .query(FileRepository::file).optional();
    }

    public List<DistributionFile> listForRelease(long releaseId) {
        return jdbc.sql(SELECT + " WHERE f.release_id = :release ORDER BY f.filename").param("release", releaseId)
                .query(FileRepository::file).list();
    }

    /** Every file of a project, for pages that show all releases at once. */
    public List<DistributionFile> listForProject(long projectId) {
        return jdbc.sql(PROJECT_FILES).param("project", projectId).query(FileRepository::file).list();
    }

    /** The (normalized project, file name) of every recorded file, for checking the files on disk at start. */
    public List<StoredName> storedNames() {
        return jdbc.sql("""
                SELECT p.normalized_name, f.filename FROM distribution_files f
                JOIN releases r ON r.id = f.release_id JOIN projects p ON p.id = r.project_id""")
                .query((rs, row) -> new StoredName(rs.getString("normalized_name"), rs.getString("filename"))).list();
    }

    /** Whether a file of this name is recorded for this project. */
    public boolean stored(StoredName name) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM distribution_files f JOIN releases r ON r.id = f.release_id
                JOIN projects p ON p.id = r.project_id WHERE p.normalized_name = :project AND f.filename = :name""")
                .param("project", name.project()).param("name", name.filename()).query(Long.class).single() > 0;
    }

    /** Where a recorded file lives: its project's normalized name and its file name. */
    public record StoredName(String project, String filename) {
    }

    public void delete(long fileId) {
        jdbc.sql("DELETE FROM distribution_files WHERE id = :id").param("id", fileId).update();
    }

    static DistributionFile file(ResultSet rs, int row) throws SQLException {
        return new DistributionFile(rs.getLong("id"), rs.getLong("release_id"), rs.getString("filename"),
                rs.getString("package_type"), rs.getString("python_version"),
                Optional.ofNullable(rs.getString("requires_python")), rs.getLong("size"), rs.getString("sha256"),
                rs.getString("md5"), rs.getString("blake2_256"), Optional.ofNullable(rs.getString("metadata_sha256")),
                instant(rs, "uploaded_at"), Optional.ofNullable(rs.getString("uploader")));
    }
}
