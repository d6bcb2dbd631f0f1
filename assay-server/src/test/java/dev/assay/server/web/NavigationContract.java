package dev.assay.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.ProjectRole;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.pages.ProjectExplorer;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestDistributions.Spec;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.WebSession;

/**
 * Finding one's way: the header, {@code /explore}, the search box's suggestions, the projects on {@code /profile}
 * and {@code /users/NAME}, and a person's activity feed; a private project never shows to those who may not read it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NavigationContract {

    private static final String PASSWORD = "correct horse battery";
    private static final String HOSTILE = "<script>window.pwned=1</script> a zeta & co";

    TestDatabase database;
    TestServer server;
    WebSession anonymous;
    WebSession alice;
    WebSession bob;

    abstract String databaseKind();

    @BeforeAll
    void uploadProjects(@TempDir Path data, @TempDir Path build) throws Exception {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        AccountService accounts = server.bean(AccountService.class);
        accounts.create(new NewUser("alice", "alice@example.org", "", PASSWORD, Set.of()));
        accounts.create(new NewUser("bob", "bob@example.org", "", PASSWORD, Set.of()));
        upload(build, new Spec("nav-alpha", "1.0", List.of("Summary: The base everyone needs"), "a"));
        upload(build, new Spec("nav-beta", "1.0", List.of("Summary: Beta", "Requires-Dist: nav-alpha"), "b"));
        upload(build, new Spec("nav-gamma", "1.0", List.of("Summary: Gamma", "Requires-Dist: nav-alpha>=1",
                "Requires-Dist: nav-beta"), "g"));
        upload(build, new Spec("nav-zeta", "1.0", List.of("Summary: " + HOSTILE), "z"));
        upload(build, new Spec("nav-secret", "1.0", List.of("Summary: Hidden", "Requires-Dist: nav-alpha"), "s"));
        assertThat(new HttpApi(server.url(), "alice", PASSWORD).put("api/v1/projects/nav-secret/visibility",
                "{\"visibility\":\"private\"}").statusCode()).isEqualTo(200);
        ProjectRepository projects = server.bean(ProjectRepository.class);
        for (int i = 1; i <= 25; i++) {
            String name = String.format("nav-page-%02d", i);
            projects.insert(name, name, Instant.now());
        }
        long bobId = accounts.user("bob").id();
        projects.setRole(server.bean(ProjectService.class).project("nav-beta").id(), bobId, ProjectRole.MAINTAINER);
        anonymous = new WebSession(server.url());
        alice = signedIn("alice");
        bob = signedIn("bob");
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
    void theHeaderOffersSearchExploreAndLogInToAnonymousCallers() {
        Document home = anonymous.page("/");

        Element search = home.selectFirst("header form.header-search");
        assertThat(search.attr("action")).isEqualTo("/search");
        assertThat(search.selectFirst("input[name=q]").attr("hx-get")).isEqualTo("/search/suggest");
        assertThat(search.select("label[for=header-q]")).hasSize(1);
        assertThat(home.select("header #nav-explore").attr("href")).isEqualTo("/explore");
        assertThat(home.select("header #nav-reviews").attr("href")).isEqualTo("/reviews");
        assertThat(home.select("header #nav-changes").attr("href")).isEqualTo("/changes");
        assertThat(home.select("header #nav-login").attr("href")).isEqualTo("/login");
        assertThat(home.select("header #user-menu, header #nav-new-project")).isEmpty();
        assertThat(home.select("head link[href='/css/nav.css']")).hasSize(1);
    }

    @Test
    void theHeaderOffersNewProjectAndAUserMenuWithACsrfLogOutToSignedInPeople() {
        Document home = alice.page("/");

        assertThat(home.select("header #nav-new-project").attr("href")).isEqualTo("/projects/new");
        Element menu = home.selectFirst("header details#user-menu");
        assertThat(menu.selectFirst("summary").text()).startsWith("alice");
        assertThat(menu.select("#menu-profile").attr("href")).isEqualTo("/profile");
        assertThat(menu.select("#menu-user-page").attr("href")).isEqualTo("/users/alice");
        assertThat(menu.select("#menu-notifications").attr("href")).isEqualTo("/notifications");
        assertThat(menu.select("form[action='/logout'][method=post] input[name=_csrf]")).hasSize(1);
        assertThat(home.select("header #nav-login")).isEmpty();
    }

    @Test
    void exploreSortsByNameByNewestReleaseAndByDependentsAndPages() {
        assertThat(explored(anonymous, "explore")).startsWith("nav-alpha", "nav-beta", "nav-gamma", "nav-page-01")
                .hasSize(ProjectExplorer.PAGE_SIZE);
        assertThat(explored(anonymous, "explore?sort=recent"))
                .startsWith("nav-zeta", "nav-gamma", "nav-beta", "nav-alpha", "nav-page-01");
        assertThat(explored(anonymous, "explore?sort=depended")).startsWith("nav-alpha", "nav-beta", "nav-gamma");

        Document first = anonymous.page("explore?sort=name");
        Document second = anonymous.page(first.selectFirst("a[rel=next]").attr("href"));
        assertThat(second.select("ol.explored li").eachAttr("data-project")).endsWith("nav-page-25", "nav-zeta");
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(second.select("a[rel=prev]")).hasSize(1);
        assertThat(first.select("#sort-name[aria-current=page]")).hasSize(1);
    }

    @Test
    void exploreShowsSummaryLatestVersionRelativeTimeAndDependents() {
        Element alpha = anonymous.page("explore?sort=depended").selectFirst("li[data-project=nav-alpha]");

        assertThat(alpha.select(".summary").text()).isEqualTo("The base everyone needs");
        assertThat(alpha.select(".latest a").attr("href")).isEqualTo("/project/nav-alpha/1.0/");
        Element time = alpha.selectFirst(".latest time");
        assertThat(time.text()).isIn("just now", "1 minute ago", "2 minutes ago", "3 minutes ago", "4 minutes ago");
        assertThat(Instant.parse(time.attr("datetime"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(time.attr("title")).endsWith(" UTC");
        assertThat(alpha.select(".dependents").text()).as("the private dependent is not counted")
                .isEqualTo("Required by 2 projects");
        assertThat(anonymous.page("explore").selectFirst("li[data-project=nav-page-01] .latest").text())
                .isEqualTo("No release yet");
    }

    @Test
    void aPrivateProjectIsExploredAndCountedOnlyByThoseWhoMayReadIt() {
        for (WebSession outsider : List.of(anonymous, bob)) {
            for (String sort : List.of("name", "recent", "depended")) {
                assertThat(exploredEverywhere(outsider, sort)).doesNotContain("nav-secret");
            }
        }
        assertThat(exploredEverywhere(alice, "name")).contains("nav-secret");
        assertThat(alice.page("explore?sort=depended").select("li[data-project=nav-alpha] .dependents").text())
                .isEqualTo("Required by 3 projects");
        assertThat(bob.page("explore?sort=depended").select("li[data-project=nav-alpha] .dependents").text())
                .isEqualTo("Required by 2 projects");
    }

    @Test
    void exploreRefusesAnUnknownSortOrPageWithAMessage() {
        HttpResponse<String> badSort = anonymous.get("explore?sort=%3Cb%3Epopular");
        assertThat(badSort.statusCode()).isEqualTo(400);
        assertThat(badSort.body()).contains("sort must be name, recent or depended").doesNotContain("<b>popular");
        assertThat(anonymous.get("explore?page=0").statusCode()).isEqualTo(400);
        assertThat(anonymous.get("explore?page=x").statusCode()).isEqualTo(400);
    }

    @Test
    void suggestionsAreTheFirstReadableSearchHitsWithALinkToAllOfThem() {
        Document suggested = suggest(anonymous, "nav-");

        assertThat(suggested.select("a.suggestion:not(.all)")).hasSize(ProjectExplorer.SUGGESTIONS);
        assertThat(suggested.select("a.suggestion").eachAttr("href")).startsWith("/project/nav-alpha/")
                .contains("/search?q=nav-").doesNotContain("/project/nav-secret/");
        assertThat(suggested.select("ul[aria-label]")).hasSize(1);
        assertThat(suggest(anonymous, "hidden").select("a.suggestion:not(.all)")).isEmpty();
        assertThat(suggest(anonymous, "hidden").select(".no-suggestions").text()).contains("hidden");
        assertThat(suggest(bob, "hidden").select("a.suggestion:not(.all)")).isEmpty();
        assertThat(suggest(alice, "hidden").select("a.suggestion").eachAttr("href")).contains("/project/nav-secret/");
        assertThat(suggest(anonymous, " ").select("a, p")).isEmpty();
    }

    @Test
    void aSuggestedSummaryWithMarkupIsShownAsText() {
        HttpResponse<String> response = anonymous.get("search/suggest?q=zeta");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("<script>").contains("&lt;script&gt;");
        Document fragment = Jsoup.parseBodyFragment(response.body());
        assertThat(fragment.select("script")).isEmpty();
        assertThat(fragment.select("a.suggestion .summary").text()).isEqualTo(HOSTILE);
    }

    @Test
    void profileAndUserPagesListThePersonsProjectsWithTheirRoleAsFarAsTheViewerMayRead() {
        Document own = alice.page("profile");
        assertThat(roles(own)).contains("nav-alpha owner", "nav-secret owner");
        assertThat(roles(bob.page("profile"))).containsExactly("nav-beta maintainer");
        assertThat(roles(anonymous.page("users/alice"))).contains("nav-alpha owner").noneMatch(
                row -> row.startsWith("nav-secret"));
        assertThat(roles(bob.page("users/alice"))).noneMatch(row -> row.startsWith("nav-secret"));
        assertThat(roles(alice.page("users/alice"))).contains("nav-secret owner");
        assertThat(roles(anonymous.page("users/bob"))).containsExactly("nav-beta maintainer");
        assertThat(anonymous.get("profile").uri().getPath()).isEqualTo("/login");
    }

    @Test
    void theActivityFeedListsWhatThePersonDidThatTheCallerMayRead() throws Exception {
        HttpResponse<String> response = anonymous.get("rss/user/alice/activity.xml");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/rss+xml");
        org.w3c.dom.Document feed = xml(response.body());

        assertThat(texts(feed, "item", "title")).startsWith("Released nav-zeta 1.0", "Released nav-gamma 1.0")
                .contains("Released nav-alpha 1.0").doesNotContain("Released nav-secret 1.0");
        assertThat(texts(feed, "item", "link")).contains(server.url() + "project/nav-alpha/1.0/");
        assertThat(texts(feed, "item", "description")).contains(HOSTILE);
        assertThat(texts(feed, "channel", "link")).containsExactly(server.url() + "users/alice");
        assertThat(texts(xml(bob.get("rss/user/alice/activity.xml").body()), "item", "title"))
                .doesNotContain("Released nav-secret 1.0");
        assertThat(texts(xml(alice.get("rss/user/alice/activity.xml").body()), "item", "title"))
                .contains("Released nav-secret 1.0");
        assertThat(texts(xml(anonymous.get("rss/user/bob/activity.xml").body()), "item", "title")).isEmpty();
        assertThat(anonymous.get("rss/user/nobody-here/activity.xml").statusCode()).isEqualTo(404);
        Document page = anonymous.page("users/alice");
        assertThat(page.select("head link[rel=alternate][type=application/rss+xml]").attr("href"))
                .isEqualTo("/rss/user/alice/activity.xml");
        assertThat(page.select("#activity-feed").attr("href")).isEqualTo("/rss/user/alice/activity.xml");
    }

    @Test
    void pagesShowRelativeTimesWithTheExactTimeOnHover() {
        Element recent = anonymous.page("/").selectFirst("#recent tbody time");
        Element history = anonymous.page("project/nav-alpha/").selectFirst("#history time");

        for (Element time : List.of(recent, history)) {
            assertThat(time.text()).matches("just now|\\d+ minutes? ago");
            assertThat(time.attr("title")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
            assertThat(Instant.parse(time.attr("datetime"))).isBeforeOrEqualTo(Instant.now());
        }
    }

    private WebSession signedIn(String user) {
        WebSession session = new WebSession(server.url());
        assertThat(session.logIn(user, PASSWORD).uri().getPath()).isEqualTo("/profile");
        return session;
    }

    private void upload(Path build, Spec spec) throws Exception {
        spec.upload(TestDistributions.wheel(build, spec), server.url(), "alice", PASSWORD);
    }

    private static List<String> explored(WebSession session, String path) {
        return session.page(path).select("ol.explored li").eachAttr("data-project");
    }

    /** Every project on every page of the listing in this order. */
    private static List<String> exploredEverywhere(WebSession session, String sort) {
        List<String> all = new ArrayList<>();
        String next = "explore?sort=" + sort;
        while (next != null) {
            Document page = session.page(next);
            all.addAll(page.select("ol.explored li").eachAttr("data-project"));
            Element link = page.selectFirst("a[rel=next]");
            next = link == null ? null : link.attr("href");
        }
        return all;
    }

    private static Document suggest(WebSession session, String query) {
        HttpResponse<String> response = session.get("search/suggest?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parseBodyFragment(response.body());
    }

    /** "PROJECT ROLE" for each project the page's projects section lists. */
    private static List<String> roles(Document page) {
        return page.select("#projects li").stream()
                .map(row -> row.selectFirst("a").text() + " " + row.selectFirst(".role").text()).toList();
    }

    private static org.w3c.dom.Document xml(String body) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The texts of the elements named child whose parent is named parent, in document order. */
    private static List<String> texts(org.w3c.dom.Document document, String parent, String child) {
        NodeList nodes = document.getElementsByTagName(child);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode().getNodeName().equals(parent)) {
                texts.add(nodes.item(i).getTextContent());
            }
        }
        return texts;
    }
}
