package dev.assay.server.index.simple;

import static dev.assay.server.db.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.assay.server.index.HeldReleases;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.Reader;

/** The SQL behind the Simple Repository API: one query per page. */
@Repository
class SimpleRepository {

    /** A project as the index page lists it. */
    record ListedProject(String name, String normalizedName) {
    }

    /** One row of a project page's query: a file, or a release without files, or a project without releases. */
    record Row(Revision revision, String name, String normalizedName, String version, boolean yanked,
            String yankedReason, ListedFile file) {
    }

    private final JdbcClient jdbc;

    SimpleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The projects this reader may read. */
    List<ListedProject> projects(Reader reader) {
        return ProjectRepository.bindReader(jdbc.sql("SELECT p.name, p.normalized_name FROM projects p WHERE "
                + ProjectRepository.READABLE + " ORDER BY p.normalized_name"), reader)
                .query((rs, row) -> new ListedProject(rs.getString("name"), rs.getString("normalized_name")))
                .list();
    }

    /** The restricted projects (private or held) this reader may read: none for an anonymous reader. */
    List<ListedProject> restrictedProjects(Reader reader) {
        return ProjectRepository.bindReader(jdbc.sql("SELECT p.name, p.normalized_name FROM projects p"
                + " WHERE (p.visibility <> 'public' OR p.held) AND " + ProjectRepository.READABLE), reader)
                .query((rs, row) -> new ListedProject(rs.getString("name"), rs.getString("normalized_name")))
                .list();
    }

    /**
     * The project, every release not held for review and every file in one query (the outer joins keep a project
     * without releases and a release without files); empty when there is no such project.
     */
    Optional<List<Row>> listing(String normalizedName) {
        List<Row> rows = jdbc.sql("""
                SELECT p.id, p.name, p.normalized_name, p.last_serial, r.version, r.yanked, r.yanked_reason,
                       f.filename, f.sha256, f.size, f.requires_python, f.metadata_sha256, f.uploaded_at
                FROM projects p
                LEFT JOIN releases r ON r.project_id = p.id AND NOT %s
                LEFT JOIN distribution_files f ON f.release_id = r.id
                WHERE p.normalized_name = :name""".formatted(HeldReleases.HELD))
                .param("name", normalizedName)
                .query(SimpleRepository::row).list();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows);
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        String filename = rs.getString("filename");
        ListedFile file = filename == null ? null : ListedFile.hosted(filename, rs.getString("version"),
                rs.getString("sha256"), rs.getLong("size"), Optional.ofNullable(rs.getString("requires_python")),
                Optional.ofNullable(rs.getString("metadata_sha256")), instant(rs, "uploaded_at"),
                rs.getBoolean("yanked"), Optional.ofNullable(rs.getString("yanked_reason")));
        return new Row(new Revision(rs.getLong("id"), rs.getLong("last_serial")), rs.getString("name"),
                rs.getString("normalized_name"), rs.getString("version"), rs.getBoolean("yanked"), rs.getString("yanked_reason"), file);
    }
}
