package dev.assay.server.index.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.ReleaseRepository;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestDistributions.Spec;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.WebSession;
import dev.assay.server.web.Sizes;

/** The index's pages, search and dependency API over real uploads, run once per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IndexPagesContract {

    private static final String PASSWORD = "correct horse battery";

    TestDatabase database;
    TestServer server;
    WebSession web;
    PythonDistributions.Built app10;

    abstract String databaseKind();

    @BeforeAll
    void uploadProjects(@TempDir Path data, @TempDir Path build) throws Exception {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        web = new WebSession(server.url());
        server.bean(AccountService.class).create(new NewUser("alice", "alice@example.org", "", PASSWORD, Set.of()));
        upload(build, new Spec("pages-lib", "1.0", List.of("Summary: A library others need"), "lib"));
        app10 = PythonDistributions.build(build, PythonDistributions.Spec.of("pages-app", "1.0")
                .withSummary("The first app release")
                .withDescription("# Pages app\n\n<script>alert(1)</script> text\n", "text/markdown")
                .withDependencies("pages-lib>=1.0", "requests[socks]>=2; python_version >= '3.8'"));
        PythonTools.twineUpload(server.url(), "alice", PASSWORD, app10.wheel(), app10.sdist()).assertSucceeded();
        upload(build, new Spec("pages-app", "1.1", List.of("Summary: Withdrawn"), "withdrawn"));
        upload(build, new Spec("pages-app", "2.0", List.of("Summary: An app with PAGES", "Requires-Python: >=3.9",
                "License-Expression: Apache-2.0", "Project-URL: Source, https://example.org/src",
                "Requires-Dist: pages-lib>=1.0"), "Version *two*"));
        upload(build, new Spec("percent-lib", "1.0", List.of("Summary: 100% pure"), "p"));
        ReleaseRepository releases = server.bean(ReleaseRepository.class);
        long app = server.bean(ProjectService.class).project("pages-app").id();
        releases.setYanked(releases.find(app, "1.1").orElseThrow().id(), true, "Security hole");
        ProjectRepository projects = server.bean(ProjectRepository.class);
        projects.insert("xzy-thing", "xzy-thing", Instant.now());
        for (int i = 1; i <= 25; i++) {
            String name = String.format("pager-%02d", i);
            projects.insert(name, name, Instant.now());
        }
    }

    @Test
    void dependencyPagesAndApiGiveTheirDatabaseConnectionsBack() {
        // more reads than the pool has connections: a connection kept by each would starve the later ones
        for (int i = 0; i < 25; i++) {
            assertThat(web.get("api/v1/projects/pages-app/dependencies").statusCode()).as("API read " + i).isEqualTo(200);
            assertThat(web.get("project/pages-app/").statusCode()).as("page read " + i).isEqualTo(200);
        }
    }

    @Test
    void anAcceptHeaderSpringsParserChokesOnGetsTheAnswerOfNoAcceptHeaderNotA500() throws Exception {
        // found by the index fuzzer: the search refused page=a, then choosing the error's representation crashed
        for (String path : List.of("?q=pages&page=a", "search?q=pages&page=a", "search?q=pages", "project/pages-app/")) {
            HttpResponse<String> odd = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(server.url() + path)).header("Accept", "\"?rd+.H/+").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(odd.statusCode()).as(path).isEqualTo(web.get(path).statusCode());
        }
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
    void homeListsRecentUploadsNewestFirstAndOffersSearch() {
        Document home = web.page("/");

        List<String> rows = home.select("#recent tbody tr").eachText();
        assertThat(rows.get(0)).contains("percent", "1.0", "100% pure");
        assertThat(rows.get(1)).contains("pages", "2.0", "An app with PAGES");
        assertThat(home.selectFirst("#recent tbody tr a").attr("href")).isEqualTo("/project/percent-lib/");
        assertThat(home.select("#recent a[href='/project/pages-app/2.0/']")).hasSize(1);
        assertThat(home.select("main form[action='/search'] input[name=q]")).hasSize(1);
    }

    @Test
    void searchFindsProjectsByNameOrSummaryIgnoringCase() {
        assertThat(hits("PAGES-")).containsExactly("pages-app", "pages-lib");
        assertThat(hits("others NEED")).containsExactly("pages-lib");
        assertThat(hits("pages_lib")).as("name spellings normalise").startsWith("pages-lib");
        assertThat(web.page("search?q=nothing-like-this").select(".no-hits").text()).contains("nothing-like-this");
    }

    @Test
    void searchTreatsPercentAndUnderscoreLiterally() {
        assertThat(hits("%")).containsExactly("percent-lib");
        assertThat(hits("x_y")).as("_ is not a wildcard").isEmpty();
    }

    @Test
    void searchResultsArePaged() {
        Document first = web.page("search?q=pager");
        Document second = web.page(first.selectFirst("a[rel=next]").attr("href"));

        assertThat(first.select("ol.hits li")).hasSize(ProjectDirectory.PAGE_SIZE);
        assertThat(second.select("ol.hits li a").eachText()).containsExactly("pager-21", "pager-22", "pager-23",
                "pager-24", "pager-25");
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(second.select("a[rel=prev]")).hasSize(1);
        assertThat(web.get("search?q=pager&page=zero").statusCode()).isEqualTo(400);
        assertThat(web.get("search?q=" + "a".repeat(201)).statusCode()).isEqualTo(400);
    }

    @Test
    void projectPageShowsTheLatestReleaseWithFactsHistoryAndMaintainers() {
        Document page = web.page("project/pages-app/");

        assertThat(page.select("#release-version").text()).isEqualTo("2.0");
        assertThat(page.select("#summary").text()).isEqualTo("An app with PAGES");
        assertThat(page.select("#pip-install").text()).as("this index, never the public one by default")
                .isEqualTo("pip install --index-url " + server.url() + "simple/ pages-app");
        assertThat(page.select("#project-changes").attr("href")).isEqualTo("/changes?project=pages-app&state=open");
        assertThat(web.get("changes?project=pages-app&state=open").statusCode()).isEqualTo(200);
        assertThat(page.select("#uv-install").text())
                .isEqualTo("uv pip install --index-url " + server.url() + "simple/ pages-app");
        assertThat(page.select("#poetry-install").text()).isEqualTo("poetry source add --priority=primary assay "
                + server.url() + "simple/\npoetry add pages-app");
        assertThat(page.select("#facts").text()).contains("Requires Python", ">=3.9", "License", "Apache-2.0");
        assertThat(page.select("#project-urls a").eachAttr("href")).containsExactly("https://example.org/src");
        assertThat(page.select("#maintainers a[href='/users/alice']")).hasSize(1);
        assertThat(page.select("#history li").eachAttr("data-version")).containsExactly("2.0", "1.1", "1.0");
        Element yanked = page.selectFirst("#history li[data-version='1.1']");
        assertThat(yanked.hasClass("yanked")).isTrue();
        assertThat(yanked.text()).contains("yanked", "Security hole");
        assertThat(page.select("#files a").eachAttr("href"))
                .containsExactly("/files/pages-app/pages_app-2.0-py3-none-any.whl");
        assertThat(page.select("#dependencies a[href='/project/pages-lib/']")).hasSize(1);
    }

    @Test
    void releasePageShowsThatVersionItsFilesAndDependencies() throws Exception {
        Document page = web.page("project/pages-app/1.0/");

        assertThat(page.select("#release-version").text()).isEqualTo("1.0");
        assertThat(page.select("#pip-install").text())
                .isEqualTo("pip install --index-url " + server.url() + "simple/ pages-app==1.0");
        assertThat(page.select(".notice").text()).contains("not the latest");
        Element wheel = page.selectFirst("#files tr:has(a[href$=.whl])");
        assertThat(wheel.select(".size").text()).isEqualTo(new Sizes().human(Files.size(app10.wheel())));
        assertThat(wheel.select(".size").attr("title")).isEqualTo(Files.size(app10.wheel()) + " bytes");
        assertThat(wheel.select(".sha256").text()).isEqualTo(
                PythonToolsDigest.sha256(Files.readAllBytes(app10.wheel())));
        assertThat(page.select("#files a")).hasSize(2);
        assertThat(page.select("#description h1").text()).as("Markdown rendered").isEqualTo("Pages app");
        assertThat(page.select("#description script")).isEmpty();
        List<String> dependencies = page.select("#dependencies li").eachText();
        assertThat(dependencies.get(0)).contains("pages-lib", ">=1.0");
        assertThat(dependencies.get(1)).contains("requests", ">=2", "[socks]", "python_version");
        assertThat(page.select("#dependencies li a").eachAttr("href")).as("only hosted projects link")
                .containsExactly("/project/pages-lib/");
    }

    @Test
    void projectPageListsTheProjectsThatDependOnIt() {
        Document page = web.page("project/pages-lib/");

        assertThat(page.select("#dependents a[href='/project/pages-app/']")).hasSize(1);
        assertThat(page.select("#dependents .versions").text()).contains("2.0", "1.0");
    }

    @Test
    void otherSpellingsRedirectToTheCanonicalPage() {
        assertThat(web.get("project/Pages_App/").uri().getPath()).isEqualTo("/project/pages-app/");
        assertThat(web.get("project/pages.app").uri().getPath()).isEqualTo("/project/pages-app/");
        assertThat(web.get("project/PAGES-app/1.0.0").uri().getPath()).isEqualTo("/project/pages-app/1.0/");
    }

    @Test
    void unknownProjectOrVersionIsNotFound() {
        assertThat(web.get("project/no-such-thing/").statusCode()).isEqualTo(404);
        assertThat(web.get("project/pages-app/9.9/").statusCode()).isEqualTo(404);
    }

    @Test
    void restApiListsDependenciesAndDependents() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode latest = json.readTree(web.get("api/v1/projects/pages-app/dependencies").body());
        JsonNode old = json.readTree(web.get("api/v1/projects/Pages_App/dependencies?version=1.0").body());
        JsonNode dependents = json.readTree(web.get("api/v1/projects/pages-lib/dependents").body());
        HttpResponse<String> missing = web.get("api/v1/projects/pages-app/dependencies?version=7");
        HttpResponse<String> withNul = web.get("api/v1/projects/pages-app/dependencies?version=1.0%00");

        assertThat(withNul.statusCode()).as("a NUL never reaches the database: " + withNul.body()).isEqualTo(404);
        assertThat(latest.get("version").asString()).isEqualTo("2.0");
        assertThat(latest.get("dependencies").get(0).get("normalizedName").asString()).isEqualTo("pages-lib");
        assertThat(latest.get("dependencies").get(0).get("hosted").asBoolean()).isTrue();
        assertThat(old.get("dependencies").size()).isEqualTo(2);
        assertThat(old.get("dependencies").get(1).get("hosted").asBoolean()).isFalse();
        assertThat(old.get("dependencies").get(1).get("extras").get(0).asString()).isEqualTo("socks");
        assertThat(dependents.get("dependents").valueStream().map(node -> node.get("version").asString()))
                .containsExactlyInAnyOrder("2.0", "1.0");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    private List<String> hits(String query) {
        return web.page("search?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8))
                .select("ol.hits li a").eachAttr("href").stream()
                .map(href -> href.replaceAll("^/project/|/$", "")).toList();
    }

    @Test
    void feedsListTheNewestReleasesOfTheIndexAndOfAProjectButNothingPrivate(@TempDir Path build) throws Exception {
        upload(build, new Spec("feed-secret", "1.0", List.of("Summary: Hidden"), "s"));
        assertThat(new HttpApi(server.url(), "alice", PASSWORD).put("api/v1/projects/feed-secret/visibility",
                "{\"visibility\":\"private\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> updates = web.get("rss/updates.xml");
        assertThat(updates.headers().firstValue("Content-Type").orElse("")).startsWith("application/rss+xml");
        org.w3c.dom.Document index = xml(updates.body());
        List<String> titles = texts(index, "item > title");
        assertThat(titles).contains("pages-app 2.0", "pages-lib 1.0", "percent-lib 1.0").doesNotContain("feed-secret 1.0");
        assertThat(texts(index, "item > link")).contains(server.url() + "project/pages-app/2.0/");
        assertThat(texts(index, "item > description")).contains("100% pure");

        org.w3c.dom.Document project = xml(web.get("rss/project/Pages_App/releases.xml").body());
        assertThat(texts(project, "channel > title")).containsExactly("pages-app releases");
        assertThat(texts(project, "item > title")).containsExactly("pages-app 2.0", "pages-app 1.1", "pages-app 1.0");
        assertThat(texts(project, "item > pubDate").get(0)).endsWith("GMT");
        assertThat(web.get("rss/project/feed-secret/releases.xml").statusCode()).isIn(401, 404);
        assertThat(web.get("rss/project/no-such-project/releases.xml").statusCode()).isEqualTo(404);
        assertThat(web.page("").select("#updates-feed").attr("href")).isEqualTo("/rss/updates.xml");
        assertThat(web.page("project/pages-app/").select("#releases-feed").attr("href"))
                .isEqualTo("/rss/project/pages-app/releases.xml");
    }

    /** Parses a feed as any XML reader would (a malformed one fails). */
    private static org.w3c.dom.Document xml(String body) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The texts of the elements named by "parent > child", in document order. */
    private static List<String> texts(org.w3c.dom.Document document, String path) {
        String[] names = path.split(" > ");
        NodeList nodes = document.getElementsByTagName(names[1]);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode().getNodeName().equals(names[0])) {
                texts.add(nodes.item(i).getTextContent());
            }
        }
        return texts;
    }

    private void upload(Path build, Spec spec) throws Exception {
        spec.upload(TestDistributions.wheel(build, spec), server.url(), "alice", PASSWORD);
    }

    /** SHA-256 as the pages print it. */
    private static final class PythonToolsDigest {
        static String sha256(byte[] bytes) {
            return dev.assay.server.testing.UploadRequest.sha256(bytes);
        }
    }
}
