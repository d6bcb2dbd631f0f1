package dev.assay.server.accounts.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.Browser;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.WebSession;

/** Login, profile, tokens and the API's view of credentials, over real HTTP and in a real browser. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountPagesTest {

    private static final String PASSWORD = "correct horse battery";

    TestDatabase database;
    TestServer server;

    @BeforeAll
    void startServer(@TempDir Path data) {
        database = TestDatabase.h2(data);
        server = TestServer.start(data, database);
        AccountService accounts = server.bean(AccountService.class);
        accounts.create(new NewUser("alice", "alice@example.org", "Alice <b>Liddell</b>", PASSWORD, Set.of(Group.SPONSORS)));
        accounts.create(new NewUser("bob", "bob@example.org", "", PASSWORD, Set.of()));
    }

    @AfterAll
    void stopServer() {
        server.close();
        database.close();
    }

    @Test
    void profileNeedsLoginAndShowsTheUser() {
        WebSession session = new WebSession(server.url());
        assertThat(session.get("profile").uri().getPath()).isEqualTo("/login");

        HttpResponse<String> afterLogin = session.logIn("alice", PASSWORD);

        assertThat(afterLogin.uri().getPath()).isEqualTo("/profile");
        Document profile = session.page("profile");
        assertThat(profile.select("h1").text()).isEqualTo("alice");
        assertThat(profile.select("dl.facts").text()).contains("Alice <b>Liddell</b>", "alice@example.org", "sponsors");
        assertThat(profile.select("dl.facts b")).as("the full name is escaped, not markup").isEmpty();
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        WebSession session = new WebSession(server.url());

        HttpResponse<String> response = session.logIn("alice", "not the password");

        assertThat(response.uri().getPath()).isEqualTo("/login");
        assertThat(response.body()).contains("The user name or password is not correct.");
        Document form = Jsoup.parse(response.body());
        assertThat(form.selectFirst("#username").attr("value")).as("the name is kept").isEqualTo("alice");
        assertThat(form.selectFirst("#password").hasAttr("autofocus")).isTrue();
        assertThat(form.selectFirst("#password").attr("value")).isEmpty();
        assertThat(session.page("login").selectFirst("#username").attr("value")).as("only once").isEmpty();
        assertThat(session.get("profile").uri().getPath()).isEqualTo("/login");
    }

    @Test
    void formPostWithoutCsrfTokenIsForbidden() {
        WebSession session = new WebSession(server.url());
        session.logIn("bob", PASSWORD);

        HttpResponse<String> response = session.post("profile/tokens", Map.of("description", "sneaky"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(server.bean(TokenService.class).list("bob")).noneMatch(token -> token.description().equals("sneaky"));
    }

    @Test
    void tokenCreatedOnProfileIsShownOnceAndWorksWithHttpBasic() throws Exception {
        WebSession session = new WebSession(server.url());
        session.logIn("bob", PASSWORD);

        HttpResponse<String> created = session.submit("profile", "form[action$=/profile/tokens]",
                Map.of("description", "laptop", "project", "Some_Project", "scope", "upload"));

        String secret = org.jsoup.Jsoup.parse(created.body()).select("#new-token-secret").text();
        assertThat(secret).startsWith("assay_");
        assertThat(session.get("profile").body()).doesNotContain(secret).contains("laptop", "some-project");
        HttpResponse<String> whoami = getWithBasic("api/v1/whoami", "__token__", secret);
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(whoami.body()).contains("\"user\":\"bob\"", "\"authenticatedBy\":\"token\"", "\"project\":\"some-project\"");
    }

    @Test
    void apiAnswersBadCredentialsWith401AndAChallenge() throws Exception {
        HttpResponse<String> wrongToken = getWithBasic("api/v1/whoami", "__token__", "assay_wrong");
        HttpResponse<String> wrongPassword = getWithBasic("api/v1/whoami", "alice", "nope");
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url() + "api/v1/whoami")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> rightPassword = getWithBasic("api/v1/whoami", "alice", PASSWORD);

        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(anonymous.body()).contains("__token__");
        assertThat(rightPassword.body()).contains("\"user\":\"alice\"", "\"authenticatedBy\":\"password\"");
    }

    @Test
    void healthIsUpAndMetricsArePublished() {
        WebSession session = new WebSession(server.url());

        assertThat(session.get("actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(session.get("actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void personCreatesAndRevokesATokenInTheBrowser(@TempDir Path profile) {
        try (Browser browser = Browser.open(server.url(), profile)) {
            browser.go("login").type("username", "alice").type("password", PASSWORD);
            browser.clickAndWait("form[action$='/login'] button");
            assertThat(browser.find("h1").getText()).isEqualTo("alice");

            browser.type("description", "browser token");
            browser.clickAndWait("form[action$='/profile/tokens'] button");

            String secret = browser.find("#new-token-secret").getText();
            assertThat(secret).startsWith("assay_");
            long id = server.bean(TokenService.class).list("alice").get(0).id();
            browser.clickAndWait("#token-" + id + " form button");
            assertThat(browser.find(".notice").getText()).contains("was revoked");
            assertThat(browser.find("#token-" + id).getText()).contains("revoked");
            assertThat(server.bean(TokenService.class).authenticate(secret)).isEmpty();

            browser.find("#user-menu summary").click();
            browser.clickAndWait("form[action$='/logout'] button");
            assertThat(browser.has("a[href='/login']")).isTrue();
        }
    }

    private HttpResponse<String> getWithBasic(String path, String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    }
}
