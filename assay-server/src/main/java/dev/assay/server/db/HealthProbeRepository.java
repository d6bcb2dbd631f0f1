package dev.assay.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The one-row {@code health_probe} table, written by every health check. */
@Repository
class HealthProbeRepository {

    // A write stuck behind a lock or a hung database must make the check fail, not hang the health endpoint.
    private static final int TIMEOUT_SECONDS = 5;

    private final JdbcTemplate jdbc;

    HealthProbeRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.setQueryTimeout(TIMEOUT_SECONDS);
    }

    /** Records a check; true when the row was written. */
    boolean record(Instant now) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return update(connection, now);
            }
            // H2 waits for a row lock as long as the session's LOCK_TIMEOUT says (30 s for uploads), whatever the
            // query timeout: the probe's own session waits no longer than the probe's timeout, then gets it back.
            long sessionTimeout = lockTimeout(connection);
            setLockTimeout(connection, TIMEOUT_SECONDS * 1000L);
            try {
                return update(connection, now);
            } finally {
                setLockTimeout(connection, sessionTimeout);
                clearQueryTimeout(connection);
            }
        }));
    }

    private static boolean update(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE health_probe SET checked_at = ? WHERE id = 1")) {
            update.setQueryTimeout(TIMEOUT_SECONDS);
            update.setObject(1, Timestamps.utc(now));
            return update.executeUpdate() == 1;
        }
    }

    // H2 keeps a statement's query timeout for the whole session: without this, every statement run later on this
    // pooled session (a search, a migration's backfill) would be cancelled after the probe's five seconds
    private static void clearQueryTimeout(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(0);
        }
    }

    private static long lockTimeout(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT LOCK_TIMEOUT()")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void setLockTimeout(Connection connection, long millis) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCK_TIMEOUT " + millis);
        }
    }
}
