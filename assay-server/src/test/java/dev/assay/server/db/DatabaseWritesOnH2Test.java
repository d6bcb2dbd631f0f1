package dev.assay.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/** Database writes on H2, where a write is refused while another session holds the row it needs. */
class DatabaseWritesOnH2Test extends DatabaseWritesContract {
    @Override
    String databaseKind() {
        return "h2";
    }

    @Test
    void theHealthCheckLeavesNoQueryTimeoutInThePooledSessions() throws Exception {
        assertThat(HttpApi.anonymous(server.url()).get("actuator/health").statusCode()).isEqualTo(200);

        HikariDataSource pool = server.bean(DataSource.class).unwrap(HikariDataSource.class);
        List<Connection> borrowed = new ArrayList<>();
        List<String> timeouts = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                Connection connection = pool.getConnection();
                borrowed.add(connection);
                try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'")) {
                    row.next();
                    timeouts.add(row.getString(1));
                }
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
        assertThat(timeouts).as("each pooled session's query timeout, ms").containsOnly("0");
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
