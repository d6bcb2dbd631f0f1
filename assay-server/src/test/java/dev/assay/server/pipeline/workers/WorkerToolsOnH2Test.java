package dev.assay.server.pipeline.workers;

/** A worker's missing tools on H2. */
class WorkerToolsOnH2Test extends WorkerToolsContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
