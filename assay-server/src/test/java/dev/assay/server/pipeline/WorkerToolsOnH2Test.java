package dev.assay.server.pipeline;

/** A worker's missing tools on H2. */
class WorkerToolsOnH2Test extends WorkerToolsContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
