package dev.assay.server.pipeline;

/** A worker's missing tools on Postgres. */
class WorkerToolsOnPostgresTest extends WorkerToolsContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
