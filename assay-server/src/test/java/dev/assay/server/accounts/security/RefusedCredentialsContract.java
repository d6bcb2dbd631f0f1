package dev.assay.server.accounts.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/** What HTTP Basic clients get over real HTTP when their credentials are refused; run once per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RefusedCredentialsContract {

    private static final String CHALLENGE = "Basic realm=\"Assay\"";

    TestDatabase database;
    TestServer server;

    abstract String databaseKind();

    @BeforeAll
    void startServer(@TempDir Path data) {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        server.bean(AccountService.class).create(new NewUser("carol", "carol@example.org", "", "correct horse",
                Set.of()));
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
    void aWrongPasswordTokenOrUserNameGetsAProblemDocumentAndTheChallenge() {
        List<HttpApi> refused = List.of(new HttpApi(server.url(), "carol", "wrong horse"),
                new HttpApi(server.url(), "__token__", "assay_not-a-token"),
                new HttpApi(server.url(), "nobody-at-all", "correct horse"));
        for (HttpApi client : refused) {
            for (String path : List.of("api/v1/whoami", "simple/", "pypi/anything/json", "files/a/a-1.0.tar.gz",
                    "git/carol/demo.git/info/refs?service=git-upload-pack")) {
                HttpResponse<String> response = client.get(path);
                String what = client.user() + " on " + path;
                assertThat(response.statusCode()).as(what).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).as(what).hasValue(CHALLENGE);
                assertThat(response.headers().firstValue("Content-Type")).as(what).get().asString()
                        .startsWith("application/problem+json");
                JsonNode problem = HttpApi.parse(response.body());
                assertThat(problem.path("status").intValue()).as(what).isEqualTo(401);
                assertThat(problem.path("title").stringValue()).as(what).isEqualTo("Unauthorized");
                assertThat(problem.path("detail").stringValue()).as(what)
                        .isEqualTo("Invalid user name, password or token");
                assertThat(problem.has("timestamp")).as("Spring's default error body: " + what).isFalse();
            }
        }
    }

    @Test
    void aRefusedUploadGetsTheOneLineReasonTwinePrints() {
        HttpResponse<String> response = new HttpApi(server.url(), "__token__", "assay_not-a-token")
                .postBytes("legacy/", new byte[0], "Content-Type", "multipart/form-data; boundary=x");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(CHALLENGE);
        assertThat(response.body()).isEqualTo("401 Invalid user name, password or token\n");
    }

    @Test
    void aGitPushWithoutCredentialsIsAskedForThemInAProblemDocument() {
        HttpResponse<String> response = HttpApi.anonymous(server.url())
                .get("git/carol/demo.git/info/refs?service=git-receive-pack");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(CHALLENGE);
        assertThat(HttpApi.parse(response.body()).path("detail").stringValue())
                .startsWith("Authentication required: send HTTP Basic credentials");
    }
}
