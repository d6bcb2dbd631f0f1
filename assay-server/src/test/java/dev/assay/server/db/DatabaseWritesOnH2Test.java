package dev.assay.server.db;

import java.sql.Connection;
import java.sql.Statement;

import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/** Database writes on H2, where a write is refused while another session holds the row it needs. */
class DatabaseWritesOnH2Test extends DatabaseWritesContract {
    @Override
    String databaseKind() {
        return "h2";
    }

    @Override
    AutoCloseable refuseWrites(TestDatabase database, TestServer server) throws Exception {
        Connection holder = database.connect();
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
            statement.executeUpdate("UPDATE health_probe SET checked_at = CURRENT_TIMESTAMP");
        }
        return () -> {
            holder.rollback();
            holder.close();
        };
    }
}
