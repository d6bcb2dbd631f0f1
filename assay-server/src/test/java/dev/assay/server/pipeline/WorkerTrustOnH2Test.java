package dev.assay.server.pipeline;

/** Who may run pipelines, and the worker each report names, on H2. */
class WorkerTrustOnH2Test extends WorkerTrustContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
