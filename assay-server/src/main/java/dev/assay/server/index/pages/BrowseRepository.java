package dev.assay.server.index.pages;

import static dev.assay.server.db.Timestamps.instant;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.Reader;

/** The SQL for listing the index: recent releases, the hosted dependencies of a release. */
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
