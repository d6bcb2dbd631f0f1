package dev.assay.server.index.upload;

/** A killed server on PostgreSQL, chosen by the environment variables alone. */
class KilledServerOnPostgresIT extends KilledServerContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
