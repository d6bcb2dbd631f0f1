package dev.assay.server.pipeline.workers;

/** Who may run pipelines, and the worker each report names, on Postgres. */
class WorkerTrustOnPostgresTest extends WorkerTrustContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
