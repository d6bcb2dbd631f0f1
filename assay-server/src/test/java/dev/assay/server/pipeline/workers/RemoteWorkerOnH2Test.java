package dev.assay.server.pipeline.workers;

/** The remote worker against a server on H2. */
class RemoteWorkerOnH2Test extends RemoteWorkerContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
