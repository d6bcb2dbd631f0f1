package dev.assay.server.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Makes what was committed survive a power cut before an answer says it is stored. PostgreSQL already forces
 * its log to disk at every commit; embedded H2 (with {@code WRITE_DELAY=0}) hands each commit to the operating
 * system at once, which survives the server being killed, but only {@code CHECKPOINT SYNC} forces it to disk.
 */
@Repository
public class DurableCommits {

    private final JdbcClient jdbc;
    private final boolean h2;

    DurableCommits(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /** Forces every committed transaction to disk; call after the commit, outside any transaction. */
    public void force() {
        if (h2) {
            jdbc.sql("CHECKPOINT SYNC").update();
        }
    }
}
