package dev.assay.server.index.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/**
 * A server with one user per kind of caller (owner, maintainer, reviewer, stranger, administrator), and
 * projects arranged by real uploads: each test gets a project of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ManageFixture {

    static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    TestDatabase database;
    TestServer server;
    Path data;
    ApiClient owner;
    ApiClient maintainer;
    ApiClient reviewer;
    ApiClient stranger;
    ApiClient admin;

    abstract String databaseKind();

    @BeforeAll
    void startServer(@TempDir Path data) {
        this.data = data;
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        AccountService accounts = server.bean(AccountService.class);
        owner = account(accounts, "olive");
        maintainer = account(accounts, "max");
        reviewer = account(accounts, "rita");
        stranger = account(accounts, "sam");
        admin = account(accounts, "ada", Group.ADMINS);
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

    private ApiClient account(AccountService accounts, String name, Group... groups) {
        accounts.create(new NewUser(name, name + "@example.org", "", PASSWORD, Set.of(groups)));
        return new ApiClient(server.url(), name, PASSWORD);
    }

    /** A new project, uploaded by the owner, with a maintainer and a reviewer; returns its name. */
    String projectWithReleases(String... versions) {
        String project = "demo-" + databaseKind() + "-" + SEQUENCE.incrementAndGet();
        for (String version : versions) {
            uploaded(owner, new TinyWheel(project, version, List.of()));
        }
        assertThat(owner.put(ApiClient.api(project, "roles/max"), "{\"role\":\"maintainer\"}").statusCode()).isEqualTo(200);
        assertThat(owner.put(ApiClient.api(project, "roles/rita"), "{\"role\":\"reviewer\"}").statusCode()).isEqualTo(200);
        return project;
    }

    static TinyWheel wheel(String project, String version) {
        return new TinyWheel(project, version, List.of());
    }

    static void uploaded(ApiClient client, TinyWheel wheel) {
        HttpResponse<String> response = client.upload(wheel);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** A client authenticating with a new API token of the user. */
    ApiClient token(String user, String project, TokenScope... scopes) {
        String secret = server.bean(TokenService.class)
                .create(new NewToken(user, "test", project, Set.of(scopes))).secret();
        return new ApiClient(server.url(), "__token__", secret);
    }

    /** Where a published file of the project lives. */
    Path stored(String project, String filename) {
        return data.resolve("files").resolve(project).resolve(filename);
    }

    long serial(String project) {
        return number("SELECT last_serial FROM projects WHERE normalized_name = ?", project);
    }

    long number(String sql, Object... parameters) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("a row for " + sql).isTrue();
                return rows.getLong(1);
            }
        } catch (SQLException failure) {
            throw new AssertionError(sql, failure);
        }
    }
}
