package dev.assay.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Makes what was committed survive a power cut before an answer says it is stored. PostgreSQL already forces
 * its log to disk at every commit; embedded H2 (with {@code WRITE_DELAY=0}) hands each commit to the operating
 * system at once, which survives the server being killed, but only {@code CHECKPOINT SYNC} forces it to disk.
 */
@Repository
public class DurableCommits {

    private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);

    private final JdbcClient jdbc;
    private final boolean h2;
    private final AtomicBoolean warned = new AtomicBoolean();

    DurableCommits(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /** Forces every committed transaction to disk; call after the commit, outside any transaction. */
    public void force() {
        if (!h2) {
            return;
        }
        try {
            jdbc.sql("CHECKPOINT SYNC").update();
        } catch (DataAccessException refused) {
            // the commit stands (a failure here must not turn a stored upload into an error); say so once
            if (warned.compareAndSet(false, true)) {
                LOG.warn("Cannot force H2's commits to disk (CHECKPOINT SYNC needs an administrator): {}",
                        refused.getMessage());
            }
        }
    }
}
