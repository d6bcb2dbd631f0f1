package dev.assay.server.index.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.Reader;

/**
 * The SQL of search: the words kept per project ({@code project_search}, and on H2 its word tables) and the ranked
 * query over them.
 */
@Repository
class SearchRepository {

    /**
     * One project's searchable words, each padded by {@link SearchWords#padded}, no release id while it has none;
     * and the pieces of its name and summary that H2 finds literal matches by ({@link SearchWords#pieces}).
     */
    record Row(long projectId, Long releaseId, String name, String summary, String keywords, String description,
            Set<String> pieces) {
    }

    /** H2 counts a word's rows up to this many to choose the word it looks up first. */
    private static final int COUNT_CAP = 1000;

    private static final String LITERAL = """
            (LOWER(p.name) LIKE :pattern ESCAPE '\\' OR p.normalized_name LIKE :normalized ESCAPE '\\')""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final SearchDialect dialect;

    SearchRepository(JdbcClient jdbc, JdbcTemplate batches, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.batches = batches;
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
        if (dialect.keepsWords()) {
            replaceWords(row);
        }
    }

    /** Writes the row's words and pieces; the old ones went with the old row (ON DELETE CASCADE). */
    private void replaceWords(Row row) {
        Map<String, boolean[]> words = SearchWords.byField(row.name(), row.summary(), row.keywords(),
                row.description());
        batches.batchUpdate("""
                INSERT INTO search_words (project_id, word, in_name, in_summary, in_keywords, in_description)
                VALUES (?, ?, ?, ?, ?, ?)""", words.entrySet().stream().map(word -> new Object[] {row.projectId(),
                    word.getKey(), flag(word.getValue()[0]), flag(word.getValue()[1]), flag(word.getValue()[2]),
                    flag(word.getValue()[3])}).toList());
        batches.batchUpdate("INSERT INTO search_pieces (project_id, piece) VALUES (?, ?)",
                row.pieces().stream().map(piece -> new Object[] {row.projectId(), piece}).toList());
    }

    private static int flag(boolean set) {
        return set ? 1 : 0;
    }

    /** Whether the search's words are kept in word tables (H2), which rows from before V30 lack. */
    boolean keepsWords() {
        return dialect.keepsWords();
    }

    /** The projects with a search row but no words in the word tables (indexed before V30), oldest first. */
    List<Long> projectsWithoutWords() {
        return jdbc.sql("""
                SELECT s.project_id FROM project_search s
                WHERE NOT EXISTS (SELECT 1 FROM search_words w WHERE w.project_id = s.project_id)
                ORDER BY s.project_id""")
                .query(Long.class).list();
    }

    /** Whether the project has its row. */
    boolean hasRow(long projectId) {
        return jdbc.sql("SELECT COUNT(*) FROM project_search WHERE project_id = :project").param("project", projectId)
                .query(Long.class).single() > 0;
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
        return statement("", reader, query).param("limit", limit).param("offset", offset)
                .query((rs, row) -> new SearchHit(rs.getString("name"), rs.getString("normalized_name"),
                        rs.getString("summary"), rs.getString("version") == null ? "" : rs.getString("version")))
                .list();
    }

    /** The plan of {@link #find}'s statement, as H2 or PostgreSQL explain it. */
    String explain(Reader reader, SearchQuery query) {
        return statement("EXPLAIN ", reader, query).param("limit", 20).param("offset", 0).query(String.class).list()
                
                .stream().collect(Collectors.joining("\n"));
    }

    private JdbcClient.StatementSpec statement(String prefix, Reader reader, SearchQuery query) {
        String sql = prefix + "SELECT p.name, p.normalized_name, COALESCE(r.summary, p.summary) AS summary, r.version, "
                + dialect.score(query) + " + CASE WHEN " + LITERAL + " THEN 1 ELSE 0 END AS score"
                + " FROM " + dialect.from(query, driver(query)) + """

                LEFT JOIN project_search s ON s.project_id = p.id
                LEFT JOIN releases r ON r.id = s.release_id
                WHERE p.id IS NOT NULL AND (""" + dialect.match(query) + " OR " + LITERAL + """
                 OR LOWER(COALESCE(r.summary, p.summary)) LIKE :pattern ESCAPE '\\')
                  AND""" + ProjectRepository.READABLE + """
                ORDER BY CASE WHEN p.normalized_name = :exact THEN 0 ELSE 1 END, score DESC, p.normalized_name
                LIMIT :limit OFFSET :offset""";
        JdbcClient.StatementSpec statement = ProjectRepository.bindReader(jdbc.sql(sql), reader)
                .param("pattern", query.literalPattern()).param("normalized", query.normalizedPattern())
                .param("exact", query.exactName());
        return dialect.bind(statement, query);
    }

    /** The word H2 looks up first: the one with the fewest rows (counted up to a cap), so it reads the fewest. */
    private int driver(SearchQuery query) {
        if (!(dialect instanceof SearchDialect.WordTable words) || query.words().size() < 2) {
            return 0;
        }
        int driver = 0;
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < query.words().size() && fewest > 0; i++) {
            long rows = words.bindWord(jdbc.sql(words.count(query, i, COUNT_CAP)), query, i).query(Long.class)
                    .single();
            if (rows < fewest) {
                fewest = rows;
                driver = i;
            }
        }
        return driver;
    }
}
