package dev.assay.server.upstream.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

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
import dev.assay.server.accounts.User;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.WebSession;
import dev.assay.server.upstream.config.Upstream;
import dev.assay.server.upstream.config.UpstreamRepository;
import dev.assay.server.upstream.rules.NameRule;
import dev.assay.server.upstream.rules.NameRuleRepository;
import tools.jackson.databind.JsonNode;

/**
 * The upstream admin API and page: an administrator signed in with a password configures upstreams and name rules;
 * anonymous callers, users, and tokens (an administrator's included) are refused every endpoint and every form;
 * passwords never come back; bad input gets a problem saying what to fix, never a server error. Run once per
 * database, with one upstream named by the start-up configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UpstreamAdminContract {

    private static final String PASSWORD = "correct horse battery";
    private static final String STARTUP_SECRET = "st4rtup-s3cret";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    TestDatabase database;
    TestServer server;
    User admin;
    User plain;

    abstract String databaseKind();

    @BeforeAll
    void startServer(@TempDir Path data) {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database, Map.of("assay.upstream.urls[0]",
                "https://mirror:" + STARTUP_SECRET + "@startup.example/simple"));
        admin = user("ada", Group.ADMINS);
        plain = user("pat");
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

    @Test
    void anAdministratorManagesUpstreamsWithoutEverSeeingAPassword() {
        HttpApi api = as(admin);
        String host = unique("nexus") + ".example";
        HttpResponse<String> added = api.post("/api/v1/admin/upstreams", "{\"url\":\"https://deploy:hunter22@" + host
                + "/simple\",\"quarantineDays\":7}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode upstream = HttpApi.parse(added.body());
        long id = upstream.get("id").asLong();
        assertThat(upstream.get("url").asString()).isEqualTo("https://" + host + "/simple/");
        assertThat(upstream.get("username").asString()).isEqualTo("deploy");
        assertThat(upstream.get("passwordSet").asBoolean()).isTrue();
        assertThat(upstream.get("quarantineDays").asInt()).isEqualTo(7);
        assertThat(upstream.get("fromStartup").asBoolean()).isFalse();
        assertThat(upstream.get("vetNewFiles").asBoolean()).as("off unless asked").isFalse();
        assertThat(added.body()).doesNotContain("hunter22");
        assertThat(repository().find(id).orElseThrow().password()).hasValue("hunter22");

        HttpResponse<String> twice = api.post("/api/v1/admin/upstreams", "{\"url\":\"https://" + host + "/simple/\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already configured");

        HttpResponse<String> changed = api.send("PATCH", "/api/v1/admin/upstreams/" + id,
                "{\"priority\":5,\"enabled\":false,\"username\":\"\",\"vetNewFiles\":true}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(HttpApi.parse(changed.body()).get("priority").asInt()).isEqualTo(5);
        assertThat(HttpApi.parse(changed.body()).get("enabled").asBoolean()).isFalse();
        assertThat(HttpApi.parse(changed.body()).get("passwordSet").asBoolean()).isFalse();
        assertThat(HttpApi.parse(changed.body()).get("quarantineDays").asInt()).as("left out: kept").isEqualTo(7);
        assertThat(HttpApi.parse(changed.body()).get("vetNewFiles").asBoolean()).isTrue();
        assertThat(repository().find(id).orElseThrow().vetNewFiles()).isTrue();
        HttpResponse<String> other = api.send("PATCH", "/api/v1/admin/upstreams/" + id, "{\"priority\":6}");
        assertThat(HttpApi.parse(other.body()).get("vetNewFiles").asBoolean()).as("left out: kept").isTrue();
        HttpResponse<String> vettedFromTheStart = api.post("/api/v1/admin/upstreams", "{\"url\":\"https://vet."
                + host + "/simple/\",\"vetNewFiles\":true}");
        assertThat(HttpApi.parse(vettedFromTheStart.body()).get("vetNewFiles").asBoolean()).isTrue();

        String listed = api.get("/api/v1/admin/upstreams").body();
        assertThat(listed).contains("https://" + host + "/simple/", "https://startup.example/simple/",
                "\"passwordSet\":true").doesNotContain(STARTUP_SECRET, "hunter22", "\"password\"");
        assertThat(listed.indexOf(host)).as("priority 5 before the start-up one's 10")
                .isLessThan(listed.indexOf("startup.example"));

        assertThat(api.delete("/api/v1/admin/upstreams/" + id).statusCode()).isEqualTo(204);
        assertThat(repository().find(id)).isEmpty();
        assertThat(api.delete("/api/v1/admin/upstreams/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void anUpstreamOfTheStartUpConfigurationCanBeDisabledButNotRemoved() {
        HttpApi api = as(admin);
        Upstream configured = repository().findByUrl("https://startup.example/simple/").orElseThrow();
        assertThat(configured.fromStartup()).isTrue();
        assertThat(configured.username()).hasValue("mirror");
        assertThat(configured.password()).hasValue(STARTUP_SECRET);

        HttpResponse<String> removed = api.delete("/api/v1/admin/upstreams/" + configured.id());
        assertThat(removed.statusCode()).isEqualTo(409);
        assertThat(removed.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(removed.body()).contains("remove it from ASSAY_UPSTREAMS");

        HttpResponse<String> disabled = api.send("PATCH", "/api/v1/admin/upstreams/" + configured.id(),
                "{\"enabled\":false}");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(repository().find(configured.id()).orElseThrow().enabled()).isFalse();
        api.send("PATCH", "/api/v1/admin/upstreams/" + configured.id(), "{\"enabled\":true}");
        assertThat(repository().find(configured.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void anAdministratorReservesAndAllowsNames() {
        HttpApi api = as(admin);
        String stem = unique("acme");
        HttpResponse<String> reserved = api.post("/api/v1/admin/upstream-rules", "{\"pattern\":\"" + stem.toUpperCase()
                + "_*\",\"action\":\"deny\",\"reason\":\"our own\"}");
        assertThat(reserved.statusCode()).as(reserved.body()).isEqualTo(201);
        JsonNode rule = HttpApi.parse(reserved.body());
        assertThat(rule.get("pattern").asString()).isEqualTo(stem + "-*");
        assertThat(rule.get("action").asString()).isEqualTo("deny");
        assertThat(rule.get("reason").asString()).isEqualTo("our own");
        assertThat(rule.get("createdBy").asString()).isEqualTo(admin.name());

        HttpResponse<String> again = api.post("/api/v1/admin/upstream-rules", "{\"pattern\":\"" + stem
                + "-*\",\"action\":\"allow\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already a rule for the pattern " + stem + "-*");
        assertThat(api.get("/api/v1/admin/upstream-rules").body()).contains("\"pattern\":\"" + stem + "-*\"");

        long id = rule.get("id").asLong();
        assertThat(api.delete("/api/v1/admin/upstream-rules/" + id).statusCode()).isEqualTo(204);
        assertThat(api.delete("/api/v1/admin/upstream-rules/" + id).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/upstream-rules").body()).doesNotContain(stem);
    }

    @Test
    void everyoneButAnAdministratorWithAPasswordIsRefusedEveryEndpoint() {
        long upstream = repository().findByUrl("https://startup.example/simple/").orElseThrow().id();
        long rule = server.bean(NameRuleRepository.class).insert(unique("kept"), NameRule.Action.DENY,
                Optional.empty(), Optional.empty(), Instant.now());
        TokenService tokens = server.bean(TokenService.class);
        String adminToken = tokens.create(new NewToken(admin.name(), "", null, Set.of(TokenScope.values()))).secret();
        String plainToken = tokens.create(new NewToken(plain.name(), "", null, Set.of(TokenScope.UPLOAD))).secret();
        List<String[]> endpoints = List.of(
                new String[] {"GET", "/api/v1/admin/upstreams", null},
                new String[] {"POST", "/api/v1/admin/upstreams", "{\"url\":\"https://" + unique("evil") + ".example/\"}"},
                new String[] {"PATCH", "/api/v1/admin/upstreams/" + upstream, "{\"enabled\":false}"},
                new String[] {"DELETE", "/api/v1/admin/upstreams/" + upstream, null},
                new String[] {"GET", "/api/v1/admin/upstream-rules", null},
                new String[] {"POST", "/api/v1/admin/upstream-rules", "{\"pattern\":\"x\",\"action\":\"allow\"}"},
                new String[] {"DELETE", "/api/v1/admin/upstream-rules/" + rule, null});
        for (String[] endpoint : endpoints) {
            HttpResponse<String> anonymous = HttpApi.anonymous(server.url()).send(endpoint[0], endpoint[1], endpoint[2]);
            assertThat(anonymous.statusCode()).as("anonymous " + endpoint[0] + " " + endpoint[1]).isEqualTo(401);
            for (HttpApi refused : List.of(as(plain), new HttpApi(server.url(), "__token__", plainToken),
                    new HttpApi(server.url(), "__token__", adminToken))) {
                HttpResponse<String> answer = refused.send(endpoint[0], endpoint[1], endpoint[2]);
                assertThat(answer.statusCode()).as(refused.user() + " " + endpoint[0] + " " + endpoint[1])
                        .isEqualTo(403);
                assertThat(answer.body()).contains("only administrators");
            }
        }
        Upstream kept = repository().find(upstream).orElseThrow();
        assertThat(kept.enabled()).isTrue();
        assertThat(server.bean(NameRuleRepository.class).list()).anyMatch(found -> found.id() == rule);
        assertThat(repository().list()).noneMatch(found -> found.url().contains("evil"));
        for (String[] endpoint : endpoints.subList(0, 1)) {
            assertThat(as(admin).send(endpoint[0], endpoint[1], endpoint[2]).statusCode()).isEqualTo(200);
        }
        assertThat(as(admin).get("/api/v1/admin/upstream-rules").statusCode()).isEqualTo(200);
    }

    @Test
    void badBodiesGetAProblemSayingWhatToFixNeverAServerError() {
        HttpApi api = as(admin);
        long upstream = repository().findByUrl("https://startup.example/simple/").orElseThrow().id();
        Map<String, String> expected = Map.of(
                "{\"url\":\"ftp://x.example/\"}", "only http:// and https://",
                "{\"url\":\"https://x.example/\",\"priority\":10001}", "priority must be from 0 to 10000",
                "{\"url\":\"https://x.example/\",\"quarantineDays\":-1}", "quarantine must be from 0 to 3650",
                "{\"url\":\"https://x.example/\",\"password\":\"p\"}", "A password needs a username",
                "{}", "Missing upstream URL");
        expected.forEach((body, message) -> {
            HttpResponse<String> refused = api.post("/api/v1/admin/upstreams", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.body()).as(body).contains(message);
        });
        assertThat(api.send("PATCH", "/api/v1/admin/upstreams/" + upstream, "{\"quarantineDays\":3651}").body())
                .contains("quarantine must be from 0 to 3650");
        assertThat(api.post("/api/v1/admin/upstream-rules", "{\"pattern\":\"acme-*\",\"action\":\"block\"}").body())
                .contains("The action must be allow or deny, not 'block'");

        List<String> fuzz = new ArrayList<>(List.of("", "{", "null", "[]", "\"text\"", "42", "{\"url\":42}",
                "{\"url\":[1]}", "{\"url\":{}}", "{\"priority\":\"high\"}", "{\"priority\":1e30}",
                "{\"priority\":99999999999}", "{\"enabled\":\"maybe\"}", "{\"url\":\"https://[::1\"}",
                "{\"url\":\"https://\\u0000.example/\"}", "{\"url\":\"http://a.example/%zz\"}",
                "{\"url\":\"https://u:%zz@a.example/\"}", "{\"username\":\"a:b\",\"password\":\"c\"}",
                "{\"pattern\":null,\"action\":null}", "{\"pattern\":\"" + "x".repeat(5000) + "\",\"action\":\"deny\"}",
                "{\"pattern\":\"a\",\"action\":\"deny\",\"reason\":\"" + "r".repeat(600) + "\"}",
                "{\"url\":\"https://" + "h".repeat(300) + ".example/\"}", "\uFEFF{}"));
        for (String body : fuzz) {
            for (String[] target : List.of(new String[] {"POST", "/api/v1/admin/upstreams"},
                    new String[] {"PATCH", "/api/v1/admin/upstreams/" + upstream},
                    new String[] {"POST", "/api/v1/admin/upstream-rules"})) {
                HttpResponse<String> answer = api.send(target[0], target[1], body);
                assertThat(answer.statusCode()).as(target[0] + " " + target[1] + " " + body + ": " + answer.body())
                        .isBetween(200, 499);
                if (answer.statusCode() >= 400) {
                    assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(body)
                            .startsWith("application/problem+json");
                }
            }
        }
        for (String[] target : List.of(new String[] {"PATCH", "/api/v1/admin/upstreams/not-a-number", "{}"},
                new String[] {"PATCH", "/api/v1/admin/upstreams/987654321", "{\"priority\":1}"},
                new String[] {"DELETE", "/api/v1/admin/upstreams/-1", null},
                new String[] {"DELETE", "/api/v1/admin/upstream-rules/99999999999999999999", null})) {
            HttpResponse<String> answer = api.send(target[0], target[1], target[2]);
            assertThat(answer.statusCode()).as(target[1] + ": " + answer.body()).isIn(400, 404);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(repository().find(upstream).orElseThrow().password()).as("untouched by the fuzz")
                .hasValue(STARTUP_SECRET);
    }

    @Test
    void anAdministratorConfiguresEverythingOnThePage() {
        WebSession ada = signedIn(admin);
        String host = unique("page") + ".example";
        Document page = Jsoup.parse(ada.submit("admin/upstreams", "#add-upstream", Map.of("url", "https://" + host
                + "/simple", "username", "bot", "password", "pagesecret", "priority", "", "quarantineDays", "3", "vetNewFiles", "true")).body());
        Upstream added = repository().findByUrl("https://" + host + "/simple/").orElseThrow();
        assertThat(added.quarantineDays()).isEqualTo(3);
        assertThat(added.vetNewFiles()).isTrue();
        assertThat(page.select("#change-" + added.id() + " input[name=vetNewFiles]").hasAttr("checked")).isTrue();
        assertThat(added.password()).hasValue("pagesecret");
        assertThat(page.select("#notice").text()).contains("Added the upstream https://" + host + "/simple/");
        assertThat(page.html()).doesNotContain("pagesecret").doesNotContain(STARTUP_SECRET);
        assertThat(page.select("#upstream-" + added.id()).text()).contains("bot", "(password set)");
        assertThat(page.select("#upstreams tr:contains(startup.example)").text())
                .contains("from start-up configuration", "mirror");
        long startup = repository().findByUrl("https://startup.example/simple/").orElseThrow().id();
        assertThat(page.select("#remove-" + startup)).as("no remove button for a start-up upstream").isEmpty();

        ada.submit("admin/upstreams", "#change-" + added.id(), Map.of("priority", "1", "quarantineDays", "14"));
        ada.submit("admin/upstreams", "#enabled-" + added.id(), Map.of());
        ada.submit("admin/upstreams", "#credentials-" + added.id(), Map.of("username", "", "password", ""));
        Upstream changed = repository().find(added.id()).orElseThrow();
        assertThat(changed.priority()).isEqualTo(1);
        assertThat(changed.quarantineDays()).isEqualTo(14);
        assertThat(changed.vetNewFiles()).as("the checkbox left unticked").isFalse();
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.username()).isEmpty();
        assertThat(changed.password()).isEmpty();

        assertThat(problem(ada.submit("admin/upstreams", "#change-" + added.id(), Map.of("priority", "lots",
                "quarantineDays", "1")))).contains("priority must be a whole number");

        ada.submit("admin/upstreams", "#remove-" + added.id(), Map.of());
        assertThat(repository().find(added.id())).isEmpty();
    }

    @Test
    void namesAreReservedAndRulesRemovedOnThePageWithEverythingEscaped() {
        WebSession ada = signedIn(admin);
        String stem = unique("internal");
        Document page = Jsoup.parse(ada.submit("admin/upstreams", "#reserve-name", Map.of("pattern", stem + "-*",
                "reason", "<script>alert(1)</script>")).body());
        assertThat(page.select("#notice").text()).contains("Reserved " + stem + "-*");
        assertThat(page.select("#rules script")).isEmpty();
        assertThat(page.select("#rules").text()).contains(stem + "-*", "deny", "<script>alert(1)</script>");
        ada.submit("admin/upstreams", "#add-rule", Map.of("pattern", stem + "-allowed", "action", "allow"));
        assertThat(problem(ada.submit("admin/upstreams", "#add-rule", Map.of("pattern", "not a name!",
                "action", "allow")))).contains("is not a project name");

        long reserved = ruleId(stem + "-*");
        ada.submit("admin/upstreams", "#remove-rule-" + reserved, Map.of());
        assertThat(server.bean(NameRuleRepository.class).list()).noneMatch(rule -> rule.id() == reserved)
                .anyMatch(rule -> rule.pattern().equals(stem + "-allowed"));
    }

    @Test
    void everyFormNeedsAnAdministratorAndItsCsrfToken() {
        String host = unique("csrf") + ".example";
        as(admin).post("/api/v1/admin/upstreams", "{\"url\":\"https://" + host + "/\"}");
        long id = repository().findByUrl("https://" + host + "/").orElseThrow().id();
        String stem = unique("csrf");
        as(admin).post("/api/v1/admin/upstream-rules", "{\"pattern\":\"" + stem + "\",\"action\":\"deny\"}");
        long rule = ruleId(stem);
        WebSession ada = signedIn(admin);
        WebSession pat = signedIn(plain);
        String patToken = pat.page("").selectFirst("input[name=_csrf]").attr("value");
        Document page = ada.page("admin/upstreams");
        List<String> forms = List.of("#add-upstream", "#change-" + id, "#enabled-" + id, "#credentials-" + id,
                "#remove-" + id, "#reserve-name", "#add-rule", "#remove-rule-" + rule);
        for (String form : forms) {
            assertThat(page.select(form + " input[name=_csrf]")).as(form).hasSize(1);
            String action = page.selectFirst(form).absUrl("action");
            Map<String, String> fields = Map.of("url", "https://" + unique("forged") + ".example/", "pattern",
                    unique("forged"), "action", "deny", "priority", "0", "quarantineDays", "0", "enabled", "false",
                    "username", "x", "password", "y");
            assertThat(ada.post(action, fields).statusCode()).as("without its token: " + form).isEqualTo(403);
            Map<String, String> withToken = new HashMap<>(fields);
            withToken.put("_csrf", patToken);
            assertThat(pat.post(action, withToken).statusCode()).as("a user: " + form).isEqualTo(403);
        }
        Upstream kept = repository().find(id).orElseThrow();
        assertThat(kept.enabled()).isTrue();
        assertThat(kept.username()).isEmpty();
        assertThat(repository().list()).noneMatch(found -> found.url().contains("forged"));
        assertThat(server.bean(NameRuleRepository.class).list()).anyMatch(found -> found.id() == rule)
                .noneMatch(found -> found.pattern().startsWith("forged"));

        assertThat(signedIn(plain).get("admin/upstreams").statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = new WebSession(server.url()).get("admin/upstreams");
        assertThat(anonymous.uri().getPath()).as("sent to log in").isEqualTo("/login");
        assertThat(signedIn(admin).page("profile").select("#admin-upstreams").attr("href")).isEqualTo("/admin/upstreams");
    }

    private static String problem(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select("#problem").text();
    }

    private long ruleId(String pattern) {
        return server.bean(NameRuleRepository.class).list().stream().filter(rule -> rule.pattern().equals(pattern))
                .findFirst().orElseThrow().id();
    }

    private UpstreamRepository repository() {
        return server.bean(UpstreamRepository.class);
    }

    private WebSession signedIn(User user) {
        WebSession session = new WebSession(server.url());
        session.logIn(user.name(), PASSWORD);
        return session;
    }

    User user(String stem, Group... groups) {
        String name = unique(stem);
        return server.bean(AccountService.class).create(new NewUser(name, name + "@example.org", "", PASSWORD,
                Set.of(groups)));
    }

    HttpApi as(User user) {
        return new HttpApi(server.url(), user.name(), PASSWORD);
    }

    static String unique(String stem) {
        return stem + SEQUENCE.incrementAndGet();
    }
}
