package dev.assay.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.Eventually;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestServer;

/**
 * Writes keep working after the connection pool retires every connection (as HikariCP does after its
 * max-lifetime), and the health check reports DOWN when writes cannot succeed; run once per database.
 */
abstract class DatabaseWritesContract {

    private static final String PASSWORD = "owner password";

    Path data;
    TestDatabase database;
    TestServer server;
    String token;

    abstract String databaseKind();

    /** Makes every write of the server fail while reads still work; closing the result undoes it. */
    abstract AutoCloseable refuseWrites(TestDatabase database, TestServer server) throws Exception;

    @BeforeEach
    void startServer(@TempDir Path temporary) throws Exception {
        data = Files.createDirectories(temporary.resolve("data"));
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        server.bean(AccountService.class).create(new NewUser("alice", "alice@example.org", "", PASSWORD, Set.of()));
        token = server.bean(TokenService.class)
                .create(new NewToken("alice", "uploads", null, Set.of(TokenScope.UPLOAD))).secret();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void uploadsAfterThePoolRetiredEveryConnection(@TempDir Path work) throws Exception {
        retireEveryPooledConnection();

        TestDistributions.Spec spec = new TestDistributions.Spec("retired-pool", "1.0", List.of("Summary: after"), "");
        Path wheel = TestDistributions.wheel(work, spec);
        spec.upload(wheel, server.url(), "__token__", token);

        HttpResponse<String> page = new HttpApi(server.url(), "alice", PASSWORD).get("project/retired-pool/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(wheel.getFileName().toString());
    }

    @Test
    void healthIsUpWhileWritesSucceed() throws SQLException {
        retireEveryPooledConnection();

        HttpResponse<String> health = HttpApi.anonymous(server.url()).get("actuator/health");

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    @Test
    void healthIsDownWhileWritesFailAndUpAgainAfter() throws Exception {
        HttpApi anonymous = HttpApi.anonymous(server.url());
        try (AutoCloseable refused = refuseWrites(database, server)) {
            HttpResponse<String> health = anonymous.get("actuator/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
            assertThat(health.body()).contains("\"DOWN\"");
            assertThat(anonymous.get("simple/").statusCode()).as("reads still work").isEqualTo(200);
        }
        // a session the pool opened while the database was read-only is retired by the write it fails
        Eventually.until("health UP once writes are accepted again", Duration.ofSeconds(10),
                () -> anonymous.get("actuator/health"), health -> health.statusCode() == 200);
    }

    /** What HikariCP does to every connection once its max-lifetime has passed. */
    void retireEveryPooledConnection() throws SQLException {
        server.bean(DataSource.class).unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    }
}
