package dev.assay.server.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

import dev.assay.server.config.LaunchSettings;

/**
 * A fresh, empty database for one test server: an H2 file in a temporary directory, or a new database
 * on the PostgreSQL server named by {@code ASSAY_TEST_POSTGRES_URL} (dropped again on close).
 */
public record TestDatabase(String kind, String url, String user, String password, Runnable cleanup)
        implements AutoCloseable {

    /** The environment variable naming the PostgreSQL server tests use, e.g. jdbc:postgresql://127.0.0.1:5432/postgres. */
    public static final String POSTGRES_URL = "ASSAY_TEST_POSTGRES_URL";

    /** The embedded default, exactly as {@code assay serve} computes it for a data directory. */
    public static TestDatabase h2(Path data) {
        return new TestDatabase("h2", LaunchSettings.embeddedDatabaseUrl(data), "sa", "", () -> { });
    }

    /** A new database on the configured PostgreSQL server; skips (loudly) or fails when there is none. */
    public static TestDatabase postgres() {
        String serverUrl = System.getenv(POSTGRES_URL);
        if (serverUrl == null || serverUrl.isBlank()) {
            String why = "PostgreSQL tests need " + POSTGRES_URL + " (and ASSAY_TEST_POSTGRES_USER, "
                    + "ASSAY_TEST_POSTGRES_PASSWORD); .ci/run sets them";
            if (Boolean.parseBoolean(System.getenv("ASSAY_TEST_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(why);
            }
            System.err.println("\n*** SKIPPING POSTGRESQL TESTS: " + why + " ***\n");
            Assumptions.abort(why);
        }
        String user = System.getenv().getOrDefault("ASSAY_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("ASSAY_TEST_POSTGRES_PASSWORD", "");
        String name = "assay_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(serverUrl, user, password, "CREATE DATABASE " + name);
        String url = serverUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1");
        return new TestDatabase("postgresql", url, user, password,
                () -> drop(serverUrl, user, password, name));
    }

    /** A database of the given kind: {@code "h2"} or {@code "postgresql"}; any other kind is a mistake of the test. */
    public static TestDatabase of(String kind, Path data) {
        return switch (kind) {
            case "h2" -> h2(data);
            case "postgresql" -> postgres();
            // a misspelt kind once ran a suite "on PostgreSQL" on H2 without anyone noticing
            default -> throw new IllegalArgumentException("no database kind " + kind + "; use h2 or postgresql");
        };
    }

    /** The JDBC URL a server launched with this database gets, or null for the embedded default. */
    public String launchUrl() {
        return "h2".equals(kind) ? null : url;
    }

    /** The environment variables that point {@code ./assay} at this database (none for the embedded default). */
    public Map<String, String> launchEnvironment() {
        return "h2".equals(kind) ? Map.of()
                : Map.of("ASSAY_DATABASE_URL", url, "ASSAY_DATABASE_USER", user, "ASSAY_DATABASE_PASSWORD", password);
    }

    /** A direct connection, for tests that look at rows. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The single number a query such as {@code SELECT count(*) …} answers. */
    public long count(String sql) {
        try (Connection connection = connect(); java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException failure) {
            throw new AssertionError(failure);
        }
    }

    @Override
    public void close() {
        cleanup.run();
    }

    /**
     * Drops the database, trying again for a while: FORCE may not end an autovacuum worker that happens to be
     * visiting it (PostgreSQL asks for pg_signal_backend then), and that worker finishes on its own.
     */
    private static void drop(String serverUrl, String user, String password, String name) {
        for (int attempt = 1; ; attempt++) {
            try {
                execute(serverUrl, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                return;
            } catch (IllegalStateException refused) {
                if (attempt == 20) {
                    throw refused;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException("PostgreSQL at " + url + ": " + failure.getMessage(), failure);
        }
    }
}
