package dev.assay.server.index.search;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How one database matches and ranks the words of a search against {@code project_search s}: the only SQL of
 * search that differs between databases. Both rank a name match above a summary match above a keyword match above
 * a description match (PostgreSQL's default {@code ts_rank} weights: A 1.0, B 0.4, C 0.2, D 0.1).
 */
sealed interface SearchDialect permits SearchDialect.FullText, SearchDialect.WeightedLike {

    /** A condition true when the project's row holds every word of the query (false for a query without words). */
    String match(SearchQuery query);

    /** A number, higher for a better match (0 without words or row). */
    String score(SearchQuery query);

    /** Binds the parameters {@link #match} and {@link #score} name. */
    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, SearchQuery query);

    /** The dialect for a database, by its JDBC product name. */
    static SearchDialect forProduct(String product) {
        return product.toLowerCase(Locale.ROOT).contains("postgres") ? new FullText() : new WeightedLike();
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
    }

    /**
     * H2, which has no tsvector (and whose FT_ full-text functions score every hit alike): each word is looked up
     * with LIKE in the padded word columns, as a whole word or, the last one while typed, a word start; the score
     * adds the weight of every column a word was found in. No stemming.
     */
    final class WeightedLike implements SearchDialect {
        private static final String[] COLUMNS = {"s.name_words", "s.summary_words", "s.keyword_words",
            "s.description_words"};
        private static final String[] WEIGHTS = {"1.0", "0.4", "0.2", "0.1"};

        @Override
        public String match(SearchQuery query) {
            if (query.words().isEmpty()) {
                return "FALSE";
            }
            return IntStream.range(0, query.words().size()).mapToObj(i -> IntStream.range(0, COLUMNS.length)
                            .mapToObj(c -> COLUMNS[c] + " LIKE :w" + i).collect(Collectors.joining(" OR ", "(", ")")))
                    .collect(Collectors.joining(" AND ", "(", ")"));
        }

        @Override
        public String score(SearchQuery query) {
            if (query.words().isEmpty()) {
                return "0";
            }
            return IntStream.range(0, query.words().size()).mapToObj(i -> IntStream.range(0, COLUMNS.length)
                            .mapToObj(c -> "CASE WHEN " + COLUMNS[c] + " LIKE :w" + i + " THEN " + WEIGHTS[c]
                                    + " ELSE 0 END")
                            .collect(Collectors.joining(" + ")))
                    .collect(Collectors.joining(" + ", "(", ")"));
        }

        @Override
        public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, SearchQuery query) {
            for (int i = 0; i < query.words().size(); i++) {
                statement = statement.param("w" + i, query.likePattern(i));
            }
            return statement;
        }
    }
}
