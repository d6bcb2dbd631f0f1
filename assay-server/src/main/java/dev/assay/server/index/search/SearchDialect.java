package dev.assay.server.index.search;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How one database finds and ranks the projects holding the words of a search: the only SQL of search that differs
 * between databases. Both rank a name match above a summary match above a keyword match above a description match
 * (PostgreSQL's default {@code ts_rank} weights: A 1.0, B 0.4, C 0.2, D 0.1).
 */
sealed interface SearchDialect permits SearchDialect.FullText, SearchDialect.WordTable {

    /**
     * The tables the search reads before the search row's, {@code projects p} among them; on H2 only the projects
     * its indexes found, {@code driver} being the word looked up first (the one with the fewest rows).
     */
    String from(SearchQuery query, int driver);

    /** A condition true when the project's row holds every word of the query (false for a query without words). */
    String match(SearchQuery query);

    /** A number, higher for a better match (0 without words or row). */
    String score(SearchQuery query);

    /** Binds the parameters {@link #from}, {@link #match} and {@link #score} name. */
    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, SearchQuery query);

    /** Whether the words of every search row are kept in H2's word tables ({@code search_words}, V30). */
    boolean keepsWords();

    /** The dialect for a database, by its JDBC product name. */
    static SearchDialect forProduct(String product) {
        return product.toLowerCase(Locale.ROOT).contains("postgres") ? new FullText() : new WordTable();
    }

    /**
     * PostgreSQL: the GIN-indexed weighted tsvector against {@code to_tsquery('english', …)}, English stemming
     * included ("parsing" finds "parser" as the prefix {@code pars:*}). Not {@code websearch_to_tsquery}: search as
     * you type needs the last word as a prefix, which only {@code to_tsquery} offers, and {@link SearchQuery}
     * passes it letters and digits only.
     */
    final class FullText implements SearchDialect {
        private static final String QUERY = "to_tsquery('english', :tsquery)";

        @Override
        public String from(SearchQuery query, int driver) {
            return "projects p";
        }

        @Override
        public String match(SearchQuery query) {
            // a subquery, answered once (from the GIN index when it pays) instead of tested on every joined row
            return query.words().isEmpty() ? "FALSE"
                    : "p.id IN (SELECT m.project_id FROM project_search m WHERE m.document @@ " + QUERY + ")";
        }

        @Override
        public String score(SearchQuery query) {
            return query.words().isEmpty() ? "0" : "COALESCE(ts_rank(s.document, " + QUERY + "), 0)";
        }

        @Override
        public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, SearchQuery query) {
            return query.words().isEmpty() ? statement : statement.param("tsquery", query.tsquery());
        }

        @Override
        public boolean keepsWords() {
            return false;
        }
    }

    /**
     * H2, which has no tsvector (and whose FT_ full-text functions score every hit alike): the projects holding the
     * word looked up first, each then checked for the other words, and those whose name or summary may hold the
     * text literally (a piece starting with its first characters), all through indexes, never every project. A word
     * is matched whole or, the last one while typed, as a word start (a range of the index); the score adds the
     * weight of every field a word was found in, as the padded columns' LIKE did before. No stemming.
     */
    final class WordTable implements SearchDialect {
        private static final String WEIGHTS = "MAX(w.in_name) * 1.0 + MAX(w.in_summary) * 0.4"
                + " + MAX(w.in_keywords) * 0.2 + MAX(w.in_description) * 0.1";

        @Override
        public String from(SearchQuery query, int driver) {
            String pieces = "SELECT project_id, CAST(NULL AS NUMERIC(10, 1)) AS score FROM search_pieces"
                    + " WHERE piece >= :piece AND piece < :pieceEnd"
                    + (query.piece().equals(query.normalizedPiece()) ? "" : " UNION ALL SELECT project_id, NULL"
                            + " FROM search_pieces WHERE piece >= :normalizedPiece AND piece < :normalizedPieceEnd");
            String words = query.words().isEmpty() ? "" : wordHits(query, driver) + " UNION ALL ";
            // written before the projects and joined by an outer join, which H2 keeps in the written order
            return "(SELECT u.project_id, MAX(u.score) AS score FROM (" + words + pieces
                    + ") u GROUP BY u.project_id) c LEFT JOIN projects p ON p.id = c.project_id";
        }

        /** Count of the rows of word {@code i} in the word table, stopping at {@code cap}. */
        String count(SearchQuery query, int i, int cap) {
            return "SELECT COUNT(*) FROM (SELECT 1 FROM search_words WHERE " + condition(query, i, "word") + " LIMIT "
                    + cap + ") t";
        }

        private static String wordHits(SearchQuery query, int driver) {
            int words = query.words().size();
            String scores = IntStream.range(0, words).mapToObj(i -> "(SELECT " + WEIGHTS + " FROM search_words w"
                    + " WHERE w.project_id = d.project_id AND " + condition(query, i, "w.word") + ") AS s" + i)
                    .collect(Collectors.joining(", "));
            return "SELECT x.project_id, " + IntStream.range(0, words).mapToObj(i -> "x.s" + i)
                    .collect(Collectors.joining(" + ")) + " AS score FROM (SELECT d.project_id, " + scores
                    + " FROM (SELECT DISTINCT project_id FROM search_words WHERE "
                    + condition(query, driver, "word") + ") d) x WHERE " + IntStream.range(0, words)
                    .mapToObj(i -> "x.s" + i + " IS NOT NULL").collect(Collectors.joining(" AND "));
        }

        /** Word {@code i}: equal, or a range of the index for a word start (H2 reads a LIKE in a subquery whole). */
        private static String condition(SearchQuery query, int i, String column) {
            return query.isPrefix(i) ? column + " >= :w" + i + " AND " + column + " < :w" + i + "end"
                    : column + " = :w" + i;
        }

        @Override
        public String match(SearchQuery query) {
            return "c.score IS NOT NULL";
        }

        @Override
        public String score(SearchQuery query) {
            return "COALESCE(c.score, 0)";
        }

        @Override
        public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, SearchQuery query) {
            for (int i = 0; i < query.words().size(); i++) {
                statement = bindWord(statement, query, i);
            }
            return statement.param("piece", query.piece()).param("pieceEnd", SearchQuery.rangeEnd(query.piece()))
                    .param("normalizedPiece", query.normalizedPiece())
                    .param("normalizedPieceEnd", SearchQuery.rangeEnd(query.normalizedPiece()));
        }

        /** Binds the parameters of word {@code i}, as {@link #count} names them. */
        JdbcClient.StatementSpec bindWord(JdbcClient.StatementSpec statement, SearchQuery query, int i) {
            String word = SearchWords.cut(query.words().get(i), SearchWords.MAX_WORD);
            statement = statement.param("w" + i, word);
            return query.isPrefix(i) ? statement.param("w" + i + "end", SearchQuery.rangeEnd(word)) : statement;
        }

        @Override
        public boolean keepsWords() {
            return true;
        }
    }
}
