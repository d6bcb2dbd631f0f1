package dev.assay.server.notify;

import static dev.assay.server.notify.NoticeFixture.PASSWORD;
import static dev.assay.server.notify.NoticeFixture.notice;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.assay.server.accounts.User;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.index.Project;
import dev.assay.server.review.Discussion;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.WebSession;
import tools.jackson.databind.JsonNode;

/** Watchers, the inbox and people's pages, driven over HTTP as people use them, run once per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InboxContract {

    TestDatabase database;
    TestServer server;
    NoticeFixture fixture;

    abstract String databaseKind();

    @BeforeAll
    void startServer(@TempDir Path data) {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database, Map.of(), NoticeSource.class);
        fixture = new NoticeFixture(server);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    HttpApi api(User user) {
        return new HttpApi(server.url(), user.name(), PASSWORD);
    }

    List<String> headlines(User user) {
        List<String> headlines = new ArrayList<>();
        api(user).json("/api/v1/notifications").get("notifications").forEach(n -> headlines.add(n.get("headline").asString()));
        return headlines;
    }

    @Test
    void everyWatcherButTheActorIsToldOnce() {
        User alice = fixture.user("alice");
        User bob = fixture.user("bob");
        User carol = fixture.user("carol");
        User dave = fixture.user("dave");
        Project project = fixture.project(alice);
        Discussion review = fixture.discussion(project, alice);
        assertThat(api(bob).put("/api/v1/watching/projects/" + project.name(), "").statusCode()).isEqualTo(200);
        assertThat(api(dave).put("/api/v1/watching/projects/" + project.name(), "").statusCode()).isEqualTo(200);
        assertThat(api(dave).put("/api/v1/watching/discussions/" + review.id(), "").statusCode()).isEqualTo(200);

        fixture.publish(notice(NoticeKind.MENTION, review, alice, Set.of(carol.id(), bob.id(), alice.id()),
                "alice mentioned you in review #" + review.id(), "@carol please look"));

        assertThat(headlines(bob)).containsExactly("alice mentioned you in review #" + review.id());
        assertThat(headlines(carol)).containsExactly("alice mentioned you in review #" + review.id());
        assertThat(headlines(dave)).containsExactly("alice mentioned you in review #" + review.id());
        assertThat(headlines(alice)).isEmpty();
        JsonNode first = api(carol).json("/api/v1/notifications");
        assertThat(first.get("unread").asLong()).isEqualTo(1);
        assertThat(first.get("notifications").get(0).get("path").asString()).isEqualTo(review.path() + "#c1");
        assertThat(first.get("notifications").get(0).get("excerpt").asString()).isEqualTo("@carol please look");
        assertThat(first.get("notifications").get(0).propertyNames()).containsExactlyInAnyOrder("id", "kind",
                "discussionId", "headline", "path", "excerpt", "createdAt", "readAt");
        assertThat(api(alice).json("/api/v1/watching").toString()).contains("\"discussion\"", "\"id\":" + review.id());
        assertThat(api(carol).json("/api/v1/watching").toString()).contains("\"id\":" + review.id());

        fixture.publish(notice(NoticeKind.COMMENT, review, carol, Set.of(), "carol replied in review #" + review.id(), "done"));
        assertThat(headlines(alice)).containsExactly("carol replied in review #" + review.id());
        assertThat(headlines(carol)).hasSize(1);
        // no SMTP server configured: the inbox works and nothing waits to be mailed
        assertThat(server.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM mail_outbox").query(Long.class).single())
                .isZero();
    }

    @Test
    void aRolledBackActionTellsNobody() {
        User alice = fixture.user("alice");
        User bob = fixture.user("bob");
        Discussion review = fixture.discussion(fixture.project(alice), alice);

        fixture.publishAndRollBack(notice(NoticeKind.MENTION, review, alice, Set.of(bob.id()), "never", ""));

        assertThat(headlines(bob)).isEmpty();
        assertThat(api(bob).json("/api/v1/watching").size()).isZero();
    }

    @Test
    void linksLeadOnlyToPagesOfThisSite() {
        User alice = fixture.user("alice");
        User bob = fixture.user("bob");
        Discussion review = fixture.discussion(fixture.project(alice), alice);

        for (String path : new String[] {"https://elsewhere.example/x", "//elsewhere.example/x", "javascript:alert(1)"}) {
            fixture.publish(new Notice(NoticeKind.COMMENT, review.id(), review.projectId(), alice.id(), Set.of(bob.id()),
                    "odd link", path, ""));
        }

        api(bob).json("/api/v1/notifications").get("notifications")
                .forEach(n -> assertThat(n.get("path").asString()).isEqualTo("/notifications"));
        assertThat(api(bob).json("/api/v1/notifications").get("notifications").size()).isEqualTo(3);
    }

    @Test
    void nobodyHearsOfAPrivateProjectTheyCannotRead() {
        User owner = fixture.user("owner");
        User outsider = fixture.user("outsider");
        Project secret = fixture.privateProject(owner);
        Discussion review = fixture.discussion(secret, owner);

        assertThat(api(outsider).put("/api/v1/watching/projects/" + secret.name(), "").statusCode()).isEqualTo(404);
        assertThat(api(outsider).put("/api/v1/watching/discussions/" + review.id(), "").statusCode()).isEqualTo(404);
        fixture.publish(notice(NoticeKind.MENTION, review, owner, Set.of(outsider.id()), "secret", ""));

        assertThat(headlines(outsider)).isEmpty();
        assertThat(api(outsider).json("/api/v1/watching").size()).isZero();
    }

    @Test
    void theInboxIsReadAndMarkedThroughThePages() {
        User alice = fixture.user("alice");
        User bob = fixture.user("bob");
        Discussion review = fixture.discussion(fixture.project(alice), alice);
        fixture.publish(notice(NoticeKind.STATE_CHANGE, review, alice, Set.of(bob.id()), "alice took <b>#1</b>", "x"));
        fixture.publish(notice(NoticeKind.COMMENT, review, alice, Set.of(bob.id()), "alice commented", "y"));
        WebSession browser = new WebSession(server.url());
        browser.logIn(bob.name(), PASSWORD);

        Document inbox = browser.page("/notifications");
        assertThat(inbox.selectFirst(".unread-count").text()).isEqualTo("2");
        assertThat(inbox.select("tr.unread")).hasSize(2);
        assertThat(inbox.html()).contains("alice took &lt;b&gt;#1&lt;/b&gt;").doesNotContain("<b>#1</b>");
        String firstId = inbox.select("tr.unread").first().id();

        HttpResponse<String> marked = browser.submit("/notifications", "#" + firstId + " form.mark-read", Map.of());
        assertThat(marked.statusCode()).isEqualTo(200);
        Document after = browser.page("/notifications");
        assertThat(after.selectFirst(".unread-count").text()).isEqualTo("1");
        assertThat(after.select("tbody tr").first().hasClass("unread")).isTrue();
        assertThat(after.select("tbody tr").last().hasClass("read")).isTrue();

        browser.submit("/notifications", "form#read-all", Map.of());
        assertThat(browser.page("/notifications").select(".unread-count")).isEmpty();
        assertThat(api(bob).json("/api/v1/notifications").get("unread").asLong()).isZero();
    }

    @Test
    void watchingIsChangedWithTheForms() {
        User alice = fixture.user("alice");
        User bob = fixture.user("bob");
        Project project = fixture.project(alice);
        Discussion review = fixture.discussion(project, alice);
        WebSession browser = new WebSession(server.url());
        browser.logIn(bob.name(), PASSWORD);

        browser.post("/watching/projects/" + project.name(), Map.of("watch", "true"));
        assertThat(api(bob).json("/api/v1/watching").size()).as("no CSRF token, no change").isZero();
        api(bob).put("/api/v1/watching/projects/" + project.name(), "");
        api(bob).put("/api/v1/watching/discussions/" + review.id(), "");
        Document page = browser.page("/notifications");
        assertThat(page.select("#watching li")).hasSize(2);

        browser.submit("/notifications", "#watching form[action$=/watching/projects/" + project.name() + "]", Map.of());
        browser.submit("/notifications", "#watching form[action$=/watching/discussions/" + review.id() + "]", Map.of());
        assertThat(api(bob).json("/api/v1/watching").size()).isZero();
        fixture.publish(notice(NoticeKind.COMMENT, review, alice, Set.of(), "nobody listens", ""));
        assertThat(headlines(bob)).isEmpty();
        String projectPage = "/project/" + project.normalizedName() + "/";
        browser.submit(projectPage, "form.watch", Map.of());
        assertThat(api(bob).json("/api/v1/watching").toString()).contains("\"project\"");
        assertThat(browser.page(projectPage).selectFirst("form.watch button").text()).isEqualTo("Unwatch");
    }

    @Test
    void aPersonSeesAndMarksOnlyTheirOwnNotifications() {
        User alice = fixture.user("alice");
        User bob = fixture.user("bob");
        User mallory = fixture.user("mallory");
        Discussion review = fixture.discussion(fixture.project(alice), alice);
        fixture.publish(notice(NoticeKind.MENTION, review, alice, Set.of(bob.id()), "for bob", ""));
        long id = api(bob).json("/api/v1/notifications").get("notifications").get(0).get("id").asLong();

        assertThat(api(mallory).post("/api/v1/notifications/" + id + "/read", "").statusCode()).isEqualTo(404);
        assertThat(headlines(mallory)).isEmpty();
        assertThat(HttpApi.anonymous(server.url()).get("/api/v1/notifications").statusCode()).isEqualTo(401);
        WebSession stranger = new WebSession(server.url());
        stranger.logIn(mallory.name(), PASSWORD);
        assertThat(stranger.post("/notifications/" + id + "/read", Map.of()).statusCode()).isEqualTo(403);

        String token = server.bean(TokenService.class).create(new NewToken(bob.name(), "ci", null,
                Set.of(TokenScope.UPLOAD))).secret();
        HttpResponse<String> byToken = new HttpApi(server.url(), "__token__", token).get("/api/v1/notifications");
        assertThat(byToken.statusCode()).isEqualTo(403);
        assertThat(byToken.body()).contains("user name and password");

        HttpResponse<String> read = api(bob).post("/api/v1/notifications/" + id + "/read", "");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(HttpApi.parse(read.body()).get("readAt").isNull()).isFalse();
        assertThat(api(bob).json("/api/v1/notifications").get("unread").asLong()).isZero();
    }

    @Test
    void aPersonsPageListsTheProjectsTheViewerMayRead() {
        User owner = fixture.user("owner");
        User stranger = fixture.user("stranger");
        Project open = fixture.project(owner);
        Project secret = fixture.privateProject(owner);

        Document anonymous = new WebSession(server.url()).page("/users/" + owner.name());
        assertThat(anonymous.select("#projects li a").eachText()).containsExactly(open.name());
        WebSession strangerSession = new WebSession(server.url());
        strangerSession.logIn(stranger.name(), PASSWORD);
        assertThat(strangerSession.page("/users/" + owner.name()).select("#projects li a").eachText())
                .containsExactly(open.name());
        WebSession ownerSession = new WebSession(server.url());
        ownerSession.logIn(owner.name(), PASSWORD);
        assertThat(ownerSession.page("/users/" + owner.name()).select("#projects li a").eachText())
                .containsExactlyInAnyOrder(open.name(), secret.name());
        assertThat(new WebSession(server.url()).get("/users/nobody-" + owner.name()).statusCode()).isEqualTo(404);
    }

    @Test
    void anonymousVisitorsAreSentToLogIn() {
        HttpResponse<String> page = new WebSession(server.url()).get("/notifications");
        assertThat(page.uri().getPath()).isEqualTo("/login");
    }
}
