package dev.assay.server.index.pages;

import static dev.assay.server.db.Timestamps.instant;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.Reader;

/** The SQL for listing and searching the index: recent releases, projects by name or summary. */
@Repository
class BrowseRepository {

    private final JdbcClient jdbc;

    BrowseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ReleaseSummary> recentReleases(Reader reader, int limit) {
        return ProjectRepository.bindReader(jdbc.sql("""
                SELECT p.name, p.normalized_name, r.version, r.summary, r.created_at
                FROM releases r JOIN projects p ON p.id = r.project_id
                WHERE """ + ProjectRepository.READABLE + """
                 ORDER BY r.created_at DESC, r.id DESC
                LIMIT :limit"""), reader)
                .param("limit", limit)
                .query((rs, row) -> new ReleaseSummary(rs.getString("name"), rs.getString("normalized_name"),
                        rs.getString("version"), rs.getString("summary"), instant(rs, "created_at")))
                .list();
    }

    /**
     * Projects whose name or summary contains the text (a LIKE pattern with {@code \} as escape, lower case),
     * or whose normalised name contains the normalised pattern, among those the reader may read; an exact name
     * first, then by name.
     */
    List<ProjectHit> search(Reader reader, String pattern, String normalizedPattern, String exactName, int offset,
            int limit) {
        return ProjectRepository.bindReader(jdbc.sql("""
                SELECT p.name, p.normalized_name, p.summary FROM projects p
                WHERE (LOWER(p.name) LIKE :pattern ESCAPE '\\'
                   OR p.normalized_name LIKE :normalized ESCAPE '\\'
                   OR LOWER(p.summary) LIKE :pattern ESCAPE '\\')
                  AND """ + ProjectRepository.READABLE + """
                 ORDER BY CASE WHEN p.normalized_name = :exact THEN 0 ELSE 1 END, p.normalized_name
                LIMIT :limit OFFSET :offset"""), reader)
                .param("pattern", pattern).param("normalized", normalizedPattern).param("exact", exactName)
                .param("limit", limit).param("offset", offset)
                .query((rs, row) -> new ProjectHit(rs.getString("name"), rs.getString("normalized_name"),
                        rs.getString("summary")))
                .list();
    }

    /**
     * Which projects the release requires are hosted here and readable by the reader: a join on the release's
     * dependency rows, so the statement has the same few parameters however many requirements there are.
     */
    Set<String> hostedDependencies(Reader reader, long releaseId) {
        return ProjectRepository.bindReader(jdbc.sql("""
                SELECT DISTINCT p.normalized_name FROM dependencies d
                JOIN projects p ON p.normalized_name = d.dependency_name
                WHERE d.release_id = :release AND""" + ProjectRepository.READABLE), reader)
                .param("release", releaseId)
                // a list, not stream(): an unclosed query stream keeps its pooled connection for ever
                .query(String.class).list().stream().collect(Collectors.toSet());
    }
}
