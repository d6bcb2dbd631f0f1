package dev.assay.server.index.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.Reader;

/** The SQL of search: the words kept per project ({@code project_search}) and the ranked query over them. */
@Repository
class SearchRepository {

    /** One project's searchable words, each padded by {@link SearchWords#padded}; no release id while it has none. */
    record Row(long projectId, Long releaseId, String name, String summary, String keywords, String description) {
    }

    private static final String LITERAL = """
            (LOWER(p.name) LIKE :pattern ESCAPE '\\' OR p.normalized_name LIKE :normalized ESCAPE '\\')""";

    private final JdbcClient jdbc;
    private final SearchDialect dialect;

    SearchRepository(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.dialect = SearchDialect.forProduct(connection.getMetaData().getDatabaseProductName());
        }
    }

    /** Replaces the project's row (the caller holds the project's lock, so no other writer races it). */
    void replace(Row row) {
        jdbc.sql("DELETE FROM project_search WHERE project_id = :project").param("project", row.projectId()).update();
        jdbc.sql("""
                INSERT INTO project_search (project_id, release_id, name_words, summary_words, keyword_words,
                    description_words)
                VALUES (:project, :release, :name, :summary, :keywords, :description)""")
                .param("project", row.projectId()).param("release", row.releaseId()).param("name", row.name())
                .param("summary", row.summary()).param("keywords", row.keywords())
                .param("description", row.description()).update();
    }

    /** The projects without a row (created before search kept rows), oldest first. */
    List<Long> projectsWithoutRow() {
        return jdbc.sql("""
                SELECT p.id FROM projects p
                WHERE NOT EXISTS (SELECT 1 FROM project_search s WHERE s.project_id = p.id) ORDER BY p.id""")
                .query(Long.class).list();
    }

    /**
     * The projects the reader may read that hold every word of the query, or whose name or latest summary
     * contains its text literally; the exact name first, then by score (a literal name match counts as much as a
     * full name match), then by name.
     */
    List<SearchHit> find(Reader reader, SearchQuery query, int offset, int limit) {
        String sql = "SELECT p.name, p.normalized_name, COALESCE(r.summary, p.summary) AS summary, r.version, "
                + dialect.score(query) + " + CASE WHEN " + LITERAL + " THEN 1 ELSE 0 END AS score"
                + """

                FROM projects p LEFT JOIN project_search s ON s.project_id = p.id
                LEFT JOIN releases r ON r.id = s.release_id
                WHERE (""" + dialect.match(query) + " OR " + LITERAL + """
                 OR LOWER(COALESCE(r.summary, p.summary)) LIKE :pattern ESCAPE '\\')
                  AND""" + ProjectRepository.READABLE + """
                ORDER BY CASE WHEN p.normalized_name = :exact THEN 0 ELSE 1 END, score DESC, p.normalized_name
                LIMIT :limit OFFSET :offset""";
        JdbcClient.StatementSpec statement = ProjectRepository.bindReader(jdbc.sql(sql), reader)
                .param("pattern", query.literalPattern()).param("normalized", query.normalizedPattern())
                .param("exact", query.exactName()).param("limit", limit).param("offset", offset);
        return dialect.bind(statement, query)
                .query((rs, row) -> new SearchHit(rs.getString("name"), rs.getString("normalized_name"),
                        rs.getString("summary"), rs.getString("version") == null ? "" : rs.getString("version")))
                .list();
    }
}
