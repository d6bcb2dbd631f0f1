package dev.assay.server.index.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/**
 * A statement cancelled at its time limit (a search over a large index on H2) is answered 503 with a Retry-After
 * and a message, as a page or a problem document, never a 500 with a stack trace. H2 only: a query timeout of one
 * millisecond in every pooled session makes a search over a few thousand rows run into the limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementTimeoutOnH2Test {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    TestDatabase database;
    TestServer server;

    @BeforeAll
    void start(@TempDir Path data) throws SQLException {
        database = TestDatabase.h2(data);
        server = TestServer.start(data, database);
        JdbcClient jdbc = server.bean(JdbcClient.class);
        jdbc.sql("""
                INSERT INTO projects (name, normalized_name, ultranormalized_name, summary, created_at)
                SELECT 'slow-' || g."X", 'slow-' || g."X", 'slow' || g."X", 'A project to search through',
                    CURRENT_TIMESTAMP
                FROM SYSTEM_RANGE(1, 5000) g""").update();
        jdbc.sql("""
                INSERT INTO project_search (project_id, name_words, summary_words, keyword_words, description_words)
                SELECT id, ' slow ' || CAST(id AS VARCHAR) || ' ', ' a project to search through ', ' ', ' '
                FROM projects""")
                .update();
        jdbc.sql("""
                INSERT INTO search_words (project_id, word, in_name, in_summary, in_keywords, in_description)
                SELECT id, w.word, 0, 1, 0, 0 FROM projects CROSS JOIN (VALUES ('search'), ('through')) AS w(word)""")
                .update();
        everyPooledSession("SET QUERY_TIMEOUT 1");
    }

    /** Runs a statement in every session of the pool: H2 keeps a query timeout per session, not per statement. */
    private void everyPooledSession(String statement) throws SQLException {
        HikariDataSource pool = server.bean(HikariDataSource.class);
        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                Connection connection = pool.getConnection();
                borrowed.add(connection);
                try (Statement set = connection.createStatement()) {
                    set.execute(statement);
                }
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
    }

    @AfterAll
    void stop() throws SQLException {
        if (server != null) {
            everyPooledSession("SET QUERY_TIMEOUT 0");
            server.close();
        }
    }

    @Test
    void aSearchCancelledAtTheTimeLimitIsAnsweredServiceUnavailableWithAMessage() throws Exception {
        HttpResponse<String> page = get("search?q=search+through", "text/html");
        HttpResponse<String> problem = get("search?q=search+through", "application/json");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(page.body()).contains("The database took too long to answer").doesNotContain("at dev.assay");
        assertThat(problem.statusCode()).isEqualTo(503);
        assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problem.body()).contains("\"status\":503", "try again in a moment");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
