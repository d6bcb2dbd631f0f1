package dev.assay.server.db;

import java.sql.Connection;
import java.sql.Statement;

import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/** Database writes on PostgreSQL, where the database is switched to read-only as a failed-over replica is. */
class DatabaseWritesOnPostgresTest extends DatabaseWritesContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }

    @Override
    AutoCloseable refuseWrites(TestDatabase database, TestServer server) throws Exception {
        readOnly(database, true);
        retireEveryPooledConnection();
        return () -> {
            readOnly(database, false);
            retireEveryPooledConnection();
        };
    }

    private static void readOnly(TestDatabase database, boolean on) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            // this very connection starts read-only when undoing, and ALTER is refused in a read-only transaction
            statement.execute("SET default_transaction_read_only = off");
            statement.execute("ALTER DATABASE " + connection.getCatalog() + " SET default_transaction_read_only = " + on);
        }
    }
}
