package dev.assay.server.accounts.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

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

/**
 * The admin API of users and tokens (what {@code assay user|token … --server URL} calls): an administrator signed in
 * with a password may use every endpoint; anyone else — anonymous, a plain user, a sponsor, an administrator's token —
 * is refused every one of them. Run once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdminAccountsApiContract {

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    TestDatabase database;
    TestServer server;
    User admin;
    User sponsor;

    abstract String databaseKind();

    @BeforeAll
    void startServer(@TempDir Path data) {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        admin = user("root", Group.ADMINS);
        sponsor = user("sam", Group.SPONSORS);
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
    void anAdministratorManagesUsersAndTokens() {
        HttpApi api = as(admin);
        String name = unique("dora");
        HttpResponse<String> created = api.post("/api/v1/admin/users", "{\"name\":\"" + name + "\",\"email\":\"" + name
                + "@example.org\",\"password\":\"" + PASSWORD + "\",\"groups\":[\"reviewers\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"name\":\"" + name + "\"", "\"groups\":[\"reviewers\"]")
                .doesNotContain(PASSWORD);

        HttpResponse<String> grouped = api.post("/api/v1/admin/users/" + name + "/groups",
                "{\"add\":[\"sponsors\"],\"remove\":[\"reviewers\"]}");
        assertThat(grouped.body()).contains("\"groups\":[\"sponsors\"]");
        assertThat(api.get("/api/v1/admin/users/" + name).body()).contains("\"groups\":[\"sponsors\"]");

        HttpResponse<String> token = api.post("/api/v1/admin/users/" + name + "/tokens",
                "{\"scopes\":[\"upload\"],\"description\":\"ci\"}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        String secret = HttpApi.parse(token.body()).get("secret").asString();
        long id = HttpApi.parse(token.body()).get("token").get("id").asLong();
        assertThat(new HttpApi(server.url(), "__token__", secret).get("/api/v1/whoami").body())
                .contains("\"user\":\"" + name + "\"");
        assertThat(api.get("/api/v1/admin/users/" + name + "/tokens").body()).contains("\"id\":" + id, "\"ci\"")
                .doesNotContain(secret);

        HttpResponse<String> revoked = api.delete("/api/v1/admin/tokens/" + id);
        assertThat(revoked.body()).as(revoked.body()).contains("\"revokedAt\":\"");
        assertThat(new HttpApi(server.url(), "__token__", secret).get("/api/v1/whoami").statusCode()).isEqualTo(401);
    }

    @Test
    void everyoneButAnAdministratorWithAPasswordIsRefusedEveryEndpoint() {
        String adminToken = server.bean(TokenService.class).create(new NewToken(admin.name(), "", null,
                Set.of(TokenScope.UPLOAD, TokenScope.WORKER, TokenScope.REVIEW, TokenScope.PUSH))).secret();
        User plain = user("pat");
        long someToken = server.bean(TokenService.class).create(new NewToken(plain.name(), "", null, Set.of())).token().id();
        List<String[]> endpoints = List.of(
                new String[] {"POST", "/api/v1/admin/users", "{\"name\":\"" + unique("eve") + "\",\"email\":\""
                        + unique("eve") + "@example.org\",\"password\":\"" + PASSWORD + "\",\"groups\":[\"admins\"]}"},
                new String[] {"GET", "/api/v1/admin/users/" + plain.name(), null},
                new String[] {"POST", "/api/v1/admin/users/" + plain.name() + "/groups", "{\"add\":[\"admins\"]}"},
                new String[] {"GET", "/api/v1/admin/users/" + plain.name() + "/tokens", null},
                new String[] {"POST", "/api/v1/admin/users/" + plain.name() + "/tokens", "{\"scopes\":[\"upload\"]}"},
                new String[] {"DELETE", "/api/v1/admin/tokens/" + someToken, null});
        for (String[] endpoint : endpoints) {
            assertThat(HttpApi.anonymous(server.url()).send(endpoint[0], endpoint[1], endpoint[2]).statusCode())
                    .as("anonymous " + endpoint[0] + " " + endpoint[1]).isEqualTo(401);
            for (HttpApi refused : List.of(as(plain), as(sponsor), new HttpApi(server.url(), "__token__", adminToken))) {
                HttpResponse<String> answer = refused.send(endpoint[0], endpoint[1], endpoint[2]);
                assertThat(answer.statusCode()).as(refused.user() + " " + endpoint[0] + " " + endpoint[1])
                        .isEqualTo(403);
                assertThat(answer.body()).contains("only administrators");
            }
        }
        assertThat(server.bean(AccountService.class).user(plain.name()).groups()).isEmpty();
        assertThat(server.bean(TokenService.class).token(someToken).isActive()).isTrue();
    }

    @Test
    void badRequestsGetAClearProblemNotAServerError() {
        HttpApi api = as(admin);
        HttpResponse<String> group = api.post("/api/v1/admin/users/" + admin.name() + "/groups", "{\"add\":[\"wizards\"]}");
        assertThat(group.statusCode()).isEqualTo(400);
        assertThat(group.body()).contains("'wizards' is not a group");
        HttpResponse<String> noPassword = api.post("/api/v1/admin/users", "{\"name\":\"" + unique("nopw")
                + "\",\"email\":\"nopw@example.org\"}");
        assertThat(noPassword.statusCode()).as(noPassword.body()).isEqualTo(400);
        assertThat(api.post("/api/v1/admin/users", "{not json").statusCode()).isEqualTo(400);
        assertThat(api.post("/api/v1/admin/users/" + admin.name() + "/tokens", "{\"scopes\":[\"everything\"]}")
                .body()).contains("'everything' is not a token scope");
        assertThat(api.get("/api/v1/admin/users/nobody-here").statusCode()).isEqualTo(404);
        assertThat(api.delete("/api/v1/admin/tokens/987654").statusCode()).isEqualTo(404);
        HttpResponse<String> taken = api.post("/api/v1/admin/users", "{\"name\":\"" + sponsor.name()
                + "\",\"email\":\"other@example.org\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(taken.statusCode()).isBetween(400, 409);
        assertThat(taken.body()).contains("already taken");
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
