package dev.assay.server.pipeline;

/** The remote worker against a server on PostgreSQL. */
class RemoteWorkerOnPostgresTest extends RemoteWorkerContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
