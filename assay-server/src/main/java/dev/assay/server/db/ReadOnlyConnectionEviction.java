package dev.assay.server.db;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Retires a pooled connection whose session found the database read-only (SQLSTATE 25006): after a failover
 * the old sessions stay read-only until they are replaced, and a write must not keep drawing them.
 */
public class ReadOnlyConnectionEviction implements SQLExceptionOverride {

    private static final String READ_ONLY_SQL_TRANSACTION = "25006";

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && READ_ONLY_SQL_TRANSACTION.equals(sql.getSQLState())) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
