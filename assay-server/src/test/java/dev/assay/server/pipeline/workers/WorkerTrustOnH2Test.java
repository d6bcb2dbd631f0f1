package dev.assay.server.pipeline.workers;

/** Who may run pipelines, and the worker each report names, on H2. */
class WorkerTrustOnH2Test extends WorkerTrustContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
