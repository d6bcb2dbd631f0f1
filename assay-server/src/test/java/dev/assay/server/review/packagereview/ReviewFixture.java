package dev.assay.server.review.packagereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.notify.Notice;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * A server that holds new projects for review, with one user per kind of caller: a contributor carol (whom no
 * test sponsors: tests that need sponsored contributors make their own), a stranger sam, a package reviewer rita (group reviewers), a sponsor spencer (group sponsors) and an
 * administrator ada.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReviewFixture {

    static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    TestDatabase database;
    TestServer server;
    Path scratch;

    abstract String databaseKind();

    @BeforeAll
    void startServer(@TempDir Path temporary) throws IOException {
        Path data = Files.createDirectories(temporary.resolve("data"));
        scratch = Files.createDirectories(temporary.resolve("scratch"));
        database = TestDatabase.of(databaseKind(), data);
        Map<String, Object> properties = new HashMap<>(serverProperties());
        properties.put("assay.review-new-projects", true);
        server = TestServer.start(data, database, properties, RecordedNotices.class);
        AccountService accounts = server.bean(AccountService.class);
        accounts.create(new NewUser("carol", "carol@example.org", "", PASSWORD, Set.of()));
        accounts.create(new NewUser("sam", "sam@example.org", "", PASSWORD, Set.of()));
        accounts.create(new NewUser("rita", "rita@example.org", "", PASSWORD, Set.of(Group.REVIEWERS)));
        accounts.create(new NewUser("spencer", "spencer@example.org", "", PASSWORD, Set.of(Group.SPONSORS)));
        accounts.create(new NewUser("ada", "ada@example.org", "", PASSWORD, Set.of(Group.ADMINS)));
    }

    /** More settings of the server, for suites that need them (e.g. an SMTP server to mail through). */
    Map<String, Object> serverProperties() {
        return Map.of();
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

    /** A project name no other test uses. */
    String unique(String prefix) {
        return prefix + "-" + databaseKind() + "-" + SEQUENCE.incrementAndGet();
    }

    /** A new contributor, in no group and sponsored by nobody yet. */
    String newContributor() {
        String name = "contributor" + SEQUENCE.incrementAndGet();
        server.bean(AccountService.class).create(new NewUser(name, name + "@example.org", "", PASSWORD, Set.of()));
        return name;
    }

    /** The REST API as this user, with the password. */
    HttpApi api(String user) {
        return new HttpApi(server.url(), user, PASSWORD);
    }

    /** The REST API with an API token as credentials. */
    HttpApi tokenApi(String token) {
        return new HttpApi(server.url(), "__token__", token);
    }

    HttpApi anonymous() {
        return HttpApi.anonymous(server.url());
    }

    /** A new API token of the user, for every project. */
    String token(String user, TokenScope... scopes) {
        return server.bean(TokenService.class).create(new NewToken(user, "review test", null, Set.of(scopes)))
                .secret();
    }

    /** Uploads a wheel of the project's version as the user (the form twine sends); fails unless accepted. */
    void upload(String project, String version, String user) {
        upload(project, version, user, "py3-none-any");
    }

    /** Uploads a wheel with this compatibility tag. */
    void upload(String project, String version, String user, String tag) {
        TestDistributions.Spec spec = new TestDistributions.Spec(project, version, List.of("Summary: " + project
                + " under review", "Description-Content-Type: text/markdown"), "# " + project + "\n\nIt *adds* things.\n");
        try {
            Path directory = Files.createDirectories(scratch.resolve("dist-" + project + "-" + version + "-" + tag));
            spec.upload(TestDistributions.wheel(directory, spec, tag), server.url(), user, PASSWORD);
        } catch (IOException failure) {
            throw new AssertionError(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    /** The number of the package review opened for the project, as its contributor lists it. */
    long reviewOf(String project, String contributor) {
        JsonNode list = api(contributor).json("api/v1/reviews?mine=true");
        for (JsonNode review : list.get("reviews")) {
            if (review.get("project").asString().equals(project)) {
                return review.get("number").asLong();
            }
        }
        throw new AssertionError("no review of " + project + " in " + list);
    }

    /** POSTs a review action with a JSON body (or none). */
    HttpResponse<String> act(HttpApi caller, long review, String action, String json) {
        return caller.post("api/v1/reviews/" + review + "/" + action, json == null ? "" : json);
    }

    /** The notices the server published about the review. */
    List<Notice> notices(long review) {
        return server.bean(RecordedNotices.class).about(review);
    }

    /** The review as the user reads it through the API. */
    JsonNode detail(String user, long review) {
        return api(user).json("api/v1/reviews/" + review);
    }

    /** A browser session logged in as the user. */
    WebSession signedIn(String user) {
        WebSession session = new WebSession(server.url());
        assertThat(session.logIn(user, PASSWORD).statusCode()).isEqualTo(200);
        return session;
    }

    /** A GET as pip, curl and git send it, with Basic credentials unless {@code user} is null. */
    HttpResponse<String> read(String path, String user, String password) {
        return (user == null ? anonymous() : new HttpApi(server.url(), user, password)).get(path);
    }
}
