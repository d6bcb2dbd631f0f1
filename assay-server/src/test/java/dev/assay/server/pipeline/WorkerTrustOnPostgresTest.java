package dev.assay.server.pipeline;

/** Who may run pipelines, and the worker each report names, on Postgres. */
class WorkerTrustOnPostgresTest extends WorkerTrustContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
