package dev.assay.server.pipeline.workers;

/** The remote worker against a server on PostgreSQL. */
class RemoteWorkerOnPostgresTest extends RemoteWorkerContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
