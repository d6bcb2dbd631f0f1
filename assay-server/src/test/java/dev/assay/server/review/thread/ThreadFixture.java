package dev.assay.server.review.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;
import dev.assay.server.review.DiscussionRepository;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

import tools.jackson.databind.JsonNode;

/**
 * A server whose package reviews' files are arranged by the test ({@link TestFiles}), recording notices, with
 * one user per kind of caller: the contributor (owner of the project), a stranger, a sponsor, an administrator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ThreadFixture {

    static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    TestDatabase database;
    TestServer server;
    TestFiles files;
    RecordedNotices notices;
    HttpApi owner;
    HttpApi stranger;
    HttpApi sponsor;
    HttpApi admin;
    HttpApi anonymous;

    abstract String databaseKind();

    @BeforeAll
    void startServer(@TempDir Path data) {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database, java.util.Map.of(), TestFiles.class, RecordedNotices.class);
        files = server.bean(TestFiles.class);
        notices = server.bean(RecordedNotices.class);
        AccountService accounts = server.bean(AccountService.class);
        owner = account(accounts, "olive");
        stranger = account(accounts, "sam");
        sponsor = account(accounts, "spencer", Group.SPONSORS);
        admin = account(accounts, "ada", Group.ADMINS);
        anonymous = HttpApi.anonymous(server.url());
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

    private HttpApi account(AccountService accounts, String name, Group... groups) {
        accounts.create(new NewUser(name, name + "@example.org", "", PASSWORD, Set.of(groups)));
        return new HttpApi(server.url(), name, PASSWORD);
    }

    /** A new project of olive's with a package review of it; returns the review's number. */
    long review() {
        String name = "demo-" + databaseKind() + "-" + SEQUENCE.incrementAndGet();
        Caller olive = new Caller(server.bean(AccountService.class).user("olive"), Optional.empty());
        Project project = new TransactionTemplate(server.bean(PlatformTransactionManager.class))
                .execute(status -> server.bean(ProjectService.class).create(olive, name));
        Discussion discussion = server.bean(DiscussionRepository.class)
                .insert(DiscussionKind.PACKAGE_REVIEW, project.id(), "Review of " + name, olive.user().id(), Instant.now());
        return discussion.id();
    }

    /** A review whose iteration 1 has {@code sdist/calc.py} with these lines. */
    long reviewWith(List<String> lines) {
        long review = review();
        files.put(review, 1, CALC, lines);
        return review;
    }

    static final String CALC = "sdist/calc.py";

    static String threads(long review) {
        return "api/v1/reviews/" + review + "/threads";
    }

    static String general(String body) {
        return "{\"body\":" + quoted(body) + "}";
    }

    static String inline(String path, int line, String body) {
        return "{\"path\":" + quoted(path) + ",\"line\":" + line + ",\"body\":" + quoted(body) + "}";
    }

    static String quoted(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
    }

    /** Posts and expects 201, returning the thread. */
    static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return HttpApi.parse(response.body());
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HttpApi.parse(response.body());
    }
}
