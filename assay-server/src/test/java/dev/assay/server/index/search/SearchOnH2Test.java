package dev.assay.server.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.assay.server.index.Reader;

/**
 * Search on H2, where its word tables (V30) are kept with every search row and the search reads only what their
 * indexes find.
 */
class SearchOnH2Test extends SearchContract {
    @Override
    String databaseKind() {
        return "h2";
    }

    @Test
    void theWordTablesFollowEveryChangeOfTheSearchRow() throws Exception {
        upload("otter", "1.0", "Summary: Original marmot", "Long-lived.");
        long id = projectId("otter");
        assertThat(words(id)).contains("otter 1000", "marmot 0100", "original 0100", "long 0001");
        assertThat(pieces(id)).contains("otter", "original marmot", "marmot");

        upload("otter", "2.0", "Summary: Fresh beaver", "Newer.");
        assertThat(words(id)).as("a new release's summary").contains("beaver 0100").doesNotContain("marmot 0100");
        assertThat(pieces(id)).contains("fresh beaver").doesNotContain("original marmot");

        assertThat(alice.put("api/v1/projects/otter/visibility", "{\"visibility\":\"private\"}").statusCode())
                .isEqualTo(200);
        assertThat(words(id)).as("visibility is the query's, not the words'").contains("beaver 0100");
        assertThat(hits(web, "beaver")).isEmpty();

        assertThat(alice.delete("api/v1/projects/otter/releases/2.0").statusCode()).isEqualTo(204);
        assertThat(words(id)).as("the latest release deleted").contains("marmot 0100").doesNotContain("beaver 0100");
    }

    @Test
    void aDeletedProjectTakesItsWordsAlong() {
        JdbcClient jdbc = server.bean(JdbcClient.class);
        jdbc.sql("INSERT INTO projects (name, normalized_name, ultranormalized_name, summary, created_at)"
                + " VALUES ('Gone_Soon', 'gone-soon', 'gonesoon', 'Brief', CURRENT_TIMESTAMP)").update();
        long id = projectId("gone-soon");
        server.bean(SearchIndex.class).refresh(id);
        assertThat(words(id)).containsExactly("gone 1000", "soon 1000");
        assertThat(pieces(id)).contains("gone_soon", "gone-soon", "brief");

        jdbc.sql("DELETE FROM projects WHERE id = :id").param("id", id).update();

        assertThat(words(id)).isEmpty();
        assertThat(pieces(id)).isEmpty();
    }

    @Test
    void fillsInTheBackgroundTheWordsOfProjectsIndexedBeforeTheyWereKept() throws Exception {
        upload("legacy", "1.0", "Keywords: walrus", "Old.");
        JdbcClient jdbc = server.bean(JdbcClient.class);
        jdbc.sql("DELETE FROM search_words WHERE project_id = :id").param("id", projectId("legacy")).update();
        jdbc.sql("DELETE FROM search_pieces WHERE project_id = :id").param("id", projectId("legacy")).update();
        assertThat(hits(web, "walrus")).isEmpty();

        server.bean(SearchIndex.class).fillWords();

        assertThat(hits(web, "walrus")).containsExactly("legacy");
        assertThat(hits(web, "egac")).as("found literally again").containsExactly("legacy");
    }

    @Test
    void aSearchReadsOnlyWhatTheIndexesOfTheWordTablesFind() {
        SearchRepository repository = server.bean(SearchRepository.class);
        for (String query : List.of("quill fine", "quill fin", "quill", "ink-pot writ", "%", "q")) {
            String plan = repository.explain(Reader.ANONYMOUS, SearchQuery.of(query));

            assertThat(plan).as(plan).doesNotContainIgnoringCase("tableScan")
                    .doesNotContainPattern("/\\*\\s*public\\.\\w+\\s*\\*/") // an index read whole
                    .contains("public.search_pieces_piece: piece >=");
            if (!SearchQuery.of(query).words().isEmpty()) {
                assertThat(plan).containsPattern("public.search_words_word: word (=|>=)");
            }
        }
    }

    private long projectId(String normalizedName) {
        return server.bean(JdbcClient.class).sql("SELECT id FROM projects WHERE normalized_name = :name")
                .param("name", normalizedName).query(Long.class).single();
    }

    /** The project's words, each with its fields as four digits (name, summary, keywords, description). */
    private List<String> words(long projectId) {
        return server.bean(JdbcClient.class).sql("""
                SELECT word || ' ' || in_name || in_summary || in_keywords || in_description FROM search_words
                WHERE project_id = :id ORDER BY word""").param("id", projectId).query(String.class).list();
    }

    private List<String> pieces(long projectId) {
        return server.bean(JdbcClient.class).sql("SELECT piece FROM search_pieces WHERE project_id = :id")
                .param("id", projectId).query(String.class).list();
    }
}
