package dev.assay.server.git.browse;

import static dev.assay.server.git.browse.SourceFixture.BRANCH;
import static dev.assay.server.git.browse.SourceFixture.HOSTILE;
import static dev.assay.server.git.browse.SourceFixture.HOSTILE_FILE;
import static dev.assay.server.git.browse.SourceFixture.TAG;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.config.AssayProperties;
import dev.assay.server.git.browse.diff.DiffBuilder;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.WebSession;
import dev.assay.server.web.Sizes;

/** The source pages over a repository the real git client built and pushed, run once per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SourcePagesContract {

    static final String BASE = "project/demo-project/source";

    TestDatabase database;
    TestServer server;
    WebSession web;
    SourceFixture repo;

    abstract String databaseKind();

    @BeforeAll
    void buildRepository(@TempDir Path data, @TempDir Path scratch) throws IOException {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        web = new WebSession(server.url());
        ProjectRepository projects = server.bean(ProjectRepository.class);
        projects.insert("Demo_Project", "demo-project", Instant.now());
        projects.insert("no-repo", "no-repo", Instant.now());
        projects.insert("empty-repo", "empty-repo", Instant.now());
        Path git = server.bean(AssayProperties.class).gitDirectory();
        repo = SourceFixture.build(git.resolve("demo-project.git"), scratch);
        Files.createDirectories(git.resolve("empty-repo.git"));
        repo.git.run(git.resolve("empty-repo.git"), "init", "--bare", "-q");
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
    void overviewListsBranchesAndTagsWithTheirLastCommitAndMarksTheDefault() {
        Document page = web.page(BASE);

        assertThat(page.select("#branches tr.branch")).extracting(row -> row.attr("data-name"))
                .containsExactly("main", BRANCH, "generated");
        Element main = page.selectFirst("#branches tr[data-name=main]");
        assertThat(main.select(".tag.default")).hasSize(1);
        assertThat(main.selectFirst(".subject").text()).isEqualTo("Step " + SourceFixture.STEPS);
        assertThat(page.selectFirst("#branches tr[data-name=" + BRANCH + "] .subject").text())
                .isEqualTo("Add the login form");
        assertThat(page.selectFirst("#tags tr[data-name=" + TAG + "] .subject").text())
                .isEqualTo("Add a page with " + HOSTILE + " & friends");
        assertThat(page.selectFirst("#tags tr[data-name=generated] .subject").text()).isEqualTo("Initial import");
        assertThat(page.selectFirst("#branches tr[data-name=generated] .subject").text())
                .isEqualTo("Generate a long table");
        assertThat(page.selectFirst("#default-branch a").text()).isEqualTo("main");
        assertThat(page.selectFirst("#clone-url").text()).isEqualTo("git clone " + server.url() + "git/demo-project.git");
        assertOnlyOwnScripts(page);
    }

    @Test
    void treeOfABranchWithASlashListsDirectoriesFirstWithEncodedLinks() {
        Document root = web.page(BASE + "/tree/" + BRANCH);
        assertThat(root.select("#entries tbody tr")).extracting(row -> row.attr("data-name"))
                .containsExactly("assets", "data", "docs", "src", "web", "README.md");

        Document docs = web.page(BASE + "/tree/" + BRANCH + "/docs");
        Element link = docs.selectFirst("#entries tr[data-name='my notes.txt'] a");
        assertThat(link.attr("href")).isEqualTo("/" + BASE + "/blob/feature/login-form/docs/my%20notes.txt");
        assertThat(web.page(link.attr("href")).selectFirst("#L1 code").text()).isEqualTo("notes with spaces");

        assertThat(web.page(BASE + "/tree/" + BRANCH + "/src").select("#entries tbody tr"))
                .extracting(row -> row.attr("data-name")).containsExactly("greeting.py", "login.py");
        assertThat(docs.select(".crumbs a")).extracting(Element::text).containsExactly(BRANCH, "docs");
    }

    @Test
    void treeAtATagAndAtACommitIdShowTheTreeOfThatTime() {
        assertThat(web.page(BASE + "/tree/" + TAG + "/src").select("#entries tbody tr"))
                .extracting(row -> row.attr("data-name")).containsExactly("hello.py");
        Document atInitial = web.page(BASE + "/tree/" + repo.initial.substring(0, 8));
        assertThat(atInitial.select("#entries tbody tr")).extracting(row -> row.attr("data-name"))
                .containsExactly("docs", "src", "README.md");
        assertThat(atInitial.selectFirst(".source-at .tag").text()).isEqualTo("commit");
    }

    @Test
    void fileShowsHostileHtmlAsEscapedTextWithALineAnchorPerLine() {
        HttpResponse<String> response = web.get(BASE + "/blob/main/" + HOSTILE_FILE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE);
        Document page = Jsoup.parse(response.body());
        assertOnlyOwnScripts(page);
        assertThat(page.select("#file-lines tr")).extracting(Element::id).containsExactly("L1", "L2", "L3");
        assertThat(page.selectFirst("#L1 code").text()).isEqualTo(HOSTILE);
        assertThat(page.selectFirst("#L2 a").attr("href")).isEqualTo("#L2");
        assertThat(page.selectFirst("#line-count").text()).isEqualTo("3 lines");
        assertThat(page.selectFirst("#raw-link").attr("href")).isEqualTo("/" + BASE + "/raw/main/" + HOSTILE_FILE);
    }

    @Test
    void binaryAndLargeFilesAreNotRenderedButLinkToTheirRawDownload() {
        Document binary = web.page(BASE + "/blob/main/assets/logo.bin");
        assertThat(binary.selectFirst("#not-rendered").text()).contains("binary file");
        assertThat(binary.select("#file-lines")).isEmpty();

        Document large = web.page(BASE + "/blob/" + TAG + "/data/big.txt");
        assertThat(large.selectFirst("#not-rendered").text()).contains("larger than 1 MB");
        assertThat(large.selectFirst("#file-size").text()).isEqualTo(new Sizes().human(SourceFixture.LARGE_SIZE));
        assertThat(large.selectFirst("#file-size").text()).endsWith(" MB");
        assertThat(large.selectFirst("#file-size").attr("title")).isEqualTo(SourceFixture.LARGE_SIZE + " bytes");
        assertThat(large.select("#file-lines")).isEmpty();
    }

    @Test
    void rawDownloadsStreamTheBytesWithSafeHeaders() throws Exception {
        HttpResponse<byte[]> binary = raw(BASE + "/raw/main/assets/logo.bin");
        assertThat(binary.statusCode()).isEqualTo(200);
        assertThat(binary.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(binary.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains("logo.bin");
        assertThat(binary.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(binary.body()).hasSize(300);

        HttpResponse<byte[]> hostile = raw(BASE + "/raw/main/" + HOSTILE_FILE);
        assertThat(hostile.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(new String(hostile.body())).startsWith(HOSTILE);

        HttpResponse<byte[]> large = raw(BASE + "/raw/main/data/big.txt");
        assertThat(large.body()).hasSize(SourceFixture.LARGE_SIZE);

        HttpResponse<byte[]> spaced = raw(BASE + "/raw/main/docs/my%20notes.txt");
        assertThat(spaced.headers().firstValue("Content-Disposition").orElseThrow()).contains("my notes.txt");
    }

    @Test
    void commitLogPagesFiftyCommitsAtATime() {
        Document first = web.page(BASE + "/commits/main");
        assertThat(first.select("tr.commit")).hasSize(50);
        assertThat(first.selectFirst("tr.commit .subject").text()).isEqualTo("Step " + SourceFixture.STEPS);
        assertThat(first.select("#newer")).isEmpty();

        Document second = web.page(first.selectFirst("#older").attr("href"));
        assertThat(second.select("tr.commit")).hasSize(SourceFixture.STEPS + 3 - 50);
        assertThat(second.select("tr.commit .subject").last().text()).isEqualTo("Initial import");
        assertThat(second.select("#older")).isEmpty();
        assertThat(second.select("#newer")).hasSize(1);

        assertThat(web.page(BASE + "/commits/" + BRANCH).selectFirst("tr.commit .subject").text())
                .isEqualTo("Add the login form");
    }

    @Test
    void commitPageShowsMessageParentsAndAnEscapedDiffWithLineCounts() {
        HttpResponse<String> response = web.get(BASE + "/commit/" + repo.hostileCommit);
        assertThat(response.body()).doesNotContain(HOSTILE);
        Document page = Jsoup.parse(response.body());

        assertThat(page.selectFirst("#subject").text()).isEqualTo("Add a page with " + HOSTILE + " & friends");
        assertThat(page.selectFirst("#author").text()).isEqualTo("Alice O'Tester & Co <alice@example.org>");
        assertThat(page.select("#parents a.parent")).extracting(a -> a.attr("href"))
                .containsExactly("/" + BASE + "/commit/" + repo.initial);
        Element hostile = page.selectFirst("article.file-diff[data-path=" + HOSTILE_FILE + "]");
        assertThat(hostile.attr("data-change")).isEqualTo("ADDED");
        assertThat(hostile.attr("data-added")).isEqualTo("3");
        assertThat(hostile.select("tr.added code").first().text()).isEqualTo(HOSTILE);
        assertThat(page.selectFirst("article[data-path=assets/logo.bin] .binary")).isNotNull();
        assertThat(page.selectFirst("article[data-path=data/big.txt] .large")).isNotNull();
        assertOnlyOwnScripts(page);
    }

    @Test
    void commitPageShowsARenameAndTheRootCommitDiffsAgainstTheEmptyTree() {
        Document rename = web.page(BASE + "/commit/" + repo.renameCommit);
        Element renamed = rename.selectFirst("article[data-path=src/greeting.py]");
        assertThat(renamed.attr("data-change")).isEqualTo("RENAMED");
        assertThat(renamed.selectFirst(".old-path").text()).isEqualTo("src/hello.py");
        assertThat(renamed.attr("data-added")).isEqualTo("1");
        assertThat(renamed.attr("data-removed")).isEqualTo("1");
        assertThat(renamed.selectFirst("tr.removed code").wholeText()).isEqualTo("    return 'hello'");
        assertThat(rename.selectFirst(".diff-stat").text()).isEqualTo("2 files changed, +2 -2");

        Document root = web.page(BASE + "/commit/" + repo.initial);
        assertThat(root.selectFirst("#parents").text()).contains("root commit");
        assertThat(root.select("article.file-diff")).extracting(article -> article.attr("data-change"))
                .containsOnly("ADDED").hasSize(3);
    }

    @Test
    void aVeryLongDiffIsCutShortWithANoticeButCountsEveryLine() {
        Document page = web.page(BASE + "/commit/" + repo.longCommit);

        assertThat(page.selectFirst("#diff-truncated")).isNotNull();
        Element table = page.selectFirst("article[data-path=data/table.csv]");
        assertThat(table.attr("data-added")).isEqualTo(String.valueOf(SourceFixture.LONG_FILE_LINES));
        assertThat(table.select("tr")).hasSize(DiffBuilder.MAX_LINES_PER_FILE);
        assertThat(table.selectFirst(".truncated")).isNotNull();
    }

    @Test
    void compareListsTheCommitsAndTheCombinedDiffBetweenTwoRefs() {
        Document page = web.page(BASE + "/compare/" + TAG + "..." + BRANCH);

        assertThat(page.selectFirst("#commit-count").text()).isEqualTo(String.valueOf(SourceFixture.STEPS + 2));
        assertThat(page.select("article.file-diff")).extracting(article -> article.attr("data-path"))
                .containsExactlyInAnyOrder("README.md", "src/greeting.py", "src/login.py");

        Document viaForm = web.page(BASE + "/compare?from=main&to=" + BRANCH.replace("/", "%2F"));
        assertThat(viaForm.location()).endsWith("/" + BASE + "/compare/main..." + BRANCH);
        assertThat(viaForm.selectFirst("#commit-count").text()).isEqualTo("1");

        Document nothing = web.page(BASE + "/compare/" + BRANCH + "...main");
        assertThat(nothing.selectFirst("#commit-count").text()).isEqualTo("0");
        assertThat(nothing.select("article.file-diff")).isEmpty();
    }

    @Test
    void unknownProjectRefOrPathAnswers404WithAMessage() {
        assertNotFound("project/nowhere/source", "there is no project named 'nowhere'");
        assertNotFound(BASE + "/tree/no-such-branch", "no branch, tag or commit 'no-such-branch'");
        assertNotFound(BASE + "/blob/main/missing.txt", "there is no file 'missing.txt' at main");
        assertNotFound(BASE + "/blob/main/src", "there is no file 'src' at main");
        assertNotFound(BASE + "/tree/main/README.md", "there is no directory 'README.md'");
        assertNotFound(BASE + "/commit/0123456789abcdef", "no branch, tag or commit '0123456789abcdef'");
        assertNotFound(BASE + "/commits/main~1", "no branch, tag or commit 'main~1'");
        assertNotFound("project/no-repo/source/tree/main", "has no git repository yet");
        assertThat(web.get(BASE + "/compare/main").statusCode()).isEqualTo(400);
        assertThat(web.get(BASE + "/commits/main?page=0").statusCode()).isEqualTo(400);
    }

    @Test
    void aProjectWithoutCommitsShowsHowToPush() {
        for (String project : new String[] {"no-repo", "empty-repo"}) {
            Document page = web.page("project/" + project + "/source");
            assertThat(page.selectFirst("#push-instructions").text())
                    .contains("git remote add origin " + server.url() + "git/" + project + ".git");
        }
    }

    private void assertNotFound(String path, String message) {
        HttpResponse<String> response = web.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(Jsoup.parse(response.body()).selectFirst(".problem").text()).as(path).contains(message);
    }

    private HttpResponse<byte[]> raw(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Only the site's own script files (the code highlighter): nothing from the repository is a script. */
    private static void assertOnlyOwnScripts(Document page) {
        assertThat(page.select("script").eachAttr("src")).hasSize(page.select("script").size())
                .allMatch(src -> src.startsWith("/js/") || src.startsWith("/vendor/"));
    }
}
