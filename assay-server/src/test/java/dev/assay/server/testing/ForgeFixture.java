package dev.assay.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.git.GitCommand;

/**
 * A server on a random port with one account per kind of caller — olive, max, rita, carol, sam and tom, whom each
 * suite gives the roles it needs, and the administrator ada — and the real git client with a home of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ForgeFixture {

    public static final String PASSWORD = "correct horse battery";
    private static final String[] PEOPLE = {"olive", "max", "rita", "carol", "sam", "tom"};

    protected TestDatabase database;
    protected TestServer server;
    protected Path data;
    protected Path scratch;
    protected GitCommand git;

    /** {@code h2} or {@code postgresql}. */
    protected abstract String databaseKind();

    /** Extra Spring properties of the suite's server. */
    protected Map<String, Object> serverProperties() {
        return Map.of();
    }

    /** Extra beans of the suite's server (plain classes, see {@link TestServer#start}). */
    protected Class<?>[] extraBeans() {
        return new Class<?>[0];
    }

    @BeforeAll
    protected void startServer(@TempDir Path temporary) throws IOException {
        data = Files.createDirectories(temporary.resolve("data"));
        scratch = Files.createDirectories(temporary.resolve("scratch"));
        git = new GitCommand(Files.createDirectories(temporary.resolve("home")));
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database, serverProperties(), extraBeans());
        AccountService accounts = server.bean(AccountService.class);
        for (String name : PEOPLE) {
            accounts.create(new NewUser(name, name + "@example.org", "", PASSWORD, Set.of()));
        }
        accounts.create(new NewUser("ada", "ada@example.org", "", PASSWORD, Set.of(Group.ADMINS)));
    }

    @AfterAll
    protected void stopServer() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** A client of the API signed in with the user's password. */
    protected HttpApi api(String user) {
        return new HttpApi(server.url(), user, PASSWORD);
    }

    /** A browser-like session logged in as the user. */
    protected WebSession session(String user) {
        WebSession session = new WebSession(server.url());
        session.logIn(user, PASSWORD);
        return session;
    }

    /** The project's repository address with the user's password in it, as git users write it. */
    protected String passwordUrl(String project, String user) {
        return "http://" + user + ":correct%20horse%20battery@127.0.0.1:" + server.port() + "/git/" + project + ".git";
    }
}
