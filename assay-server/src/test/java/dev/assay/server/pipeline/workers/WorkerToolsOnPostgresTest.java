package dev.assay.server.pipeline.workers;

/** A worker's missing tools on Postgres. */
class WorkerToolsOnPostgresTest extends WorkerToolsContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
