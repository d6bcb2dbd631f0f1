package dev.assay.server.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Search on PostgreSQL, where words are also found by their stem (H2 matches words as written). */
class SearchOnPostgresTest extends SearchContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }

    @Test
    void findsWordsByTheirStem() {
        assertThat(hits(web, "parsing")).containsExactly("lexer-tool");
        assertThat(hits(web, "configurations")).containsExactly("lexer-tool");
    }
}
