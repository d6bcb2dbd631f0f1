package dev.assay.server.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestDistributions.Spec;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.WebSession;

/** Full-text search over real uploads: ranking, keywords, visibility, current data, hostile queries; per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchContract {

    private static final String PASSWORD = "correct horse battery";

    TestDatabase database;
    TestServer server;
    WebSession web;
    HttpApi alice;
    Path build;

    abstract String databaseKind();

    @BeforeAll
    void uploadProjects(@TempDir Path data, @TempDir Path build) throws Exception {
        this.build = build;
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        web = new WebSession(server.url());
        alice = new HttpApi(server.url(), "alice", PASSWORD);
        server.bean(AccountService.class).create(new NewUser("alice", "alice@example.org", "", PASSWORD, Set.of()));
        upload("quill", "1.0", "Summary: Something unrelated", "Nothing to see.");
        upload("quill-kit", "1.0", "Summary: Tools", "Helpers.");
        upload("inkpot", "1.0", "Summary: A quill for fine writing", "Ink.");
        upload("scribe", "1.0", "Summary: Writes letters", "A long text that mentions a quill once.");
        upload("feather", "1.0", "Keywords: inkwell, calligraphy", "Pens.");
        upload("lexer-tool", "1.0", "Summary: A fast parser for configuration files", "Reads files.");
        upload("secret-quill", "1.0", "Summary: quill", "Private.");
        assertThat(alice.put("api/v1/projects/secret-quill/visibility", "{\"visibility\":\"private\"}").statusCode())
                .isEqualTo(200);
        upload("held-quill", "1.0", "Summary: quill", "Waiting for its review.");
        sql("UPDATE projects SET held = TRUE WHERE normalized_name = 'held-quill'");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void ranksTheExactNameFirstThenNameAboveSummaryAboveDescription() {
        assertThat(hits(web, "quill")).containsExactly("quill", "quill-kit", "inkpot", "scribe");
        assertThat(hits(web, "QUILL")).as("ignoring case").containsExactly("quill", "quill-kit", "inkpot", "scribe");
    }

    @Test
    void findsKeywordsAndWordStartsWhileTyping() {
        assertThat(hits(web, "calligraphy")).containsExactly("feather");
        assertThat(hits(web, "callig")).as("the last word typed is a prefix").containsExactly("feather");
        assertThat(hits(web, "quill fine")).as("every word must match").containsExactly("inkpot");
    }

    @Test
    void neverShowsPrivateOrHeldProjectsToThoseWhoMayNotReadThem() {
        WebSession member = new WebSession(server.url());
        member.logIn("alice", PASSWORD);

        assertThat(hits(web, "quill")).doesNotContain("secret-quill", "held-quill");
        assertThat(hits(web, "secret-quill")).isEmpty();
        assertThat(hits(member, "quill")).contains("secret-quill", "held-quill");
    }

    @Test
    void searchesTheLatestReleaseAsUploadsYanksAndDeletionsChangeIt() throws Exception {
        upload("evolver", "1.0", "Summary: Original marmalade", "First.");
        upload("evolver", "2.0", "Summary: Fresh jam", "Second.");
        assertThat(hits(web, "marmalade")).isEmpty();
        assertThat(hits(web, "jam")).containsExactly("evolver");
        assertThat(web.page("search?q=jam").select("ol.hits .version").text()).isEqualTo("2.0");

        assertThat(alice.post("api/v1/projects/evolver/releases/2.0/yank", "{}").statusCode()).isEqualTo(200);
        assertThat(hits(web, "marmalade")).containsExactly("evolver");
        assertThat(hits(web, "jam")).isEmpty();
        assertThat(web.page("search?q=marmalade").select("ol.hits .summary").text()).isEqualTo("Original marmalade");

        assertThat(alice.delete("api/v1/projects/evolver/releases/2.0/yank").statusCode()).isEqualTo(200);
        assertThat(hits(web, "jam")).containsExactly("evolver");

        assertThat(alice.delete("api/v1/projects/evolver/releases/2.0").statusCode()).isEqualTo(204);
        assertThat(hits(web, "marmalade")).containsExactly("evolver");
        assertThat(hits(web, "jam")).isEmpty();
    }

    @Test
    void indexesAtStartTheProjectsThatHaveNoWordsYet() throws Exception {
        upload("backfilled", "1.0", "Keywords: zeppelin", "Old.");
        sql("DELETE FROM project_search WHERE project_id = "
                + "(SELECT id FROM projects WHERE normalized_name = 'backfilled')");
        assertThat(hits(web, "zeppelin")).isEmpty();

        server.bean(SearchIndex.class).refreshMissing();

        assertThat(hits(web, "zeppelin")).containsExactly("backfilled");
    }

    @Test
    void hostileQueriesAreAnsweredNeverWithAServerError() {
        List<String> queries = new ArrayList<>(List.of("'", "\"", "\\", "quill'", "'quill' & 'kit'", "quill:*",
                "!quill", "quill & !kit", "(quill | kit)", "quill <-> kit", "quill:A", ":*", "&|!():*", "%", "_",
                "\\%", "quill\u0000", "\u0000", "a\u0000b", "\u202e\u0301", "ǅ𝔮𝔲𝔦𝔩𝔩", "a".repeat(200),
                "a ".repeat(100), "1.0", "' OR 1=1 --", "quill; DROP TABLE projects", "*", "-", "--", "\t\n"));
        Random random = new Random(13);
        String alphabet = "ab q&|!():*<->'\"\\%_\u0000\t-. é漢1";
        for (int i = 0; i < 200; i++) {
            StringBuilder query = new StringBuilder();
            for (int length = random.nextInt(40); length > 0; length--) {
                query.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            queries.add(query.toString());
        }
        for (String query : queries) {
            assertThat(get(query).statusCode()).as("search for %s", query.replace("\u0000", "\\0")).isEqualTo(200);
        }
        assertThat(get("q".repeat(10_000)).statusCode()).isEqualTo(400);
        assertThat(hits(web, "quill\u0000")).startsWith("quill");
    }

    List<String> hits(WebSession session, String query) {
        return session.page("search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).select("ol.hits li a")
                .eachAttr("href").stream().map(href -> href.replaceAll("^/project/|/$", "")).toList();
    }

    private HttpResponse<String> get(String query) {
        return web.get("search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    void upload(String name, String version, String header, String description) throws Exception {
        Spec spec = new Spec(name, version, List.of(header), description);
        spec.upload(TestDistributions.wheel(build, spec), server.url(), "alice", PASSWORD);
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = database.connect(); Statement update = connection.createStatement()) {
            assertThat(update.executeUpdate(statement)).isEqualTo(1);
        }
    }
}
