package dev.assay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.testing.AssayCommandRun;
import dev.assay.server.testing.AssayCommandRun.Run;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/**
 * The admin commands say where they acted: through a running server's admin API with {@code --server}, as an
 * administrator; in a data directory's database otherwise, which must exist (a wrong {@code --data} is refused).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminCommandsTest {

    private static final String PASSWORD = "correct horse battery";

    Path data;
    TestDatabase database;
    TestServer server;

    @BeforeAll
    void startServer(@TempDir Path data) {
        this.data = data;
        database = TestDatabase.of("h2", data);
        server = TestServer.start(data, database);
        server.bean(AccountService.class).create(new NewUser("root", "root@example.org", "", PASSWORD,
                Set.of(Group.ADMINS)));
        server.bean(AccountService.class).create(new NewUser("pat", "pat@example.org", "", PASSWORD, Set.of()));
    }

    @AfterAll
    void stopServer() {
        server.close();
        database.close();
    }

    @Test
    void withServerTheCommandsActThroughTheAdminApi() {
        Run added = run(PASSWORD + "\nb0b-s3cret-password\n", "user", "add", "bob", "--email", "bob@example.org",
                "--reviewer", "--password-stdin", "--server", server.url(), "--as", "root");
        assertThat(added.exitCode()).as(added.stderr()).isZero();
        assertThat(added.stdout()).contains("created user bob <bob@example.org> [reviewers] in the server at "
                + server.url());
        assertThat(new HttpApi(server.url(), "bob", "b0b-s3cret-password").get("/api/v1/whoami").statusCode())
                .isEqualTo(200);

        Run token = run(PASSWORD + "\n", "token", "create", "bob", "--server", server.url(), "--as", "root");
        assertThat(token.exitCode()).as(token.stderr()).isZero();
        assertThat(token.stdout().strip()).as("the secret alone").matches("assay_[A-Za-z0-9_-]{43}");
        assertThat(token.stderr()).contains("of bob in the server at " + server.url());

        Run listed = run(PASSWORD + "\n", "token", "list", "bob", "--server", server.url(), "--as", "root");
        assertThat(listed.stdout()).contains(token.stdout().strip().substring(0, 12), "upload", "active");

        Run notAdmin = run(PASSWORD + "\n", "user", "groups", "bob", "--add", "admins", "--server", server.url(),
                "--as", "pat");
        assertThat(notAdmin.exitCode()).isEqualTo(1);
        assertThat(notAdmin.stderr()).contains("only administrators");
        Run wrongPassword = run("not-the-password\n", "user", "groups", "bob", "--server", server.url(), "--as", "root");
        assertThat(wrongPassword.exitCode()).isEqualTo(1);
        assertThat(wrongPassword.stderr()).contains("refused the user name and password");
    }

    @Test
    void withoutServerTheCommandsNameTheDataDirectoryAndItsDatabase() {
        Run shown = run("", "user", "groups", "root", "--data", data.toString());
        assertThat(shown.exitCode()).as(shown.stderr()).isZero();
        assertThat(shown.stdout()).contains("root: admins (in " + data.toAbsolutePath().normalize() + " (H2 file "
                + data.toAbsolutePath().normalize().resolve("db/assay") + "))");
    }

    @Test
    void aDataDirectoryWithoutDatabaseIsRefusedInsteadOfCreated(@TempDir Path elsewhere) {
        Run refused = run("", "token", "create", "root", "--data", elsewhere.resolve("assay-data").toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("no Assay database in " + elsewhere.resolve("assay-data"),
                "--data DIR", "--server URL");
        assertThat(elsewhere.resolve("assay-data")).doesNotExist();
    }

    private static Run run(String stdin, String... args) {
        return AssayCommandRun.run(stdin, args);
    }
}
