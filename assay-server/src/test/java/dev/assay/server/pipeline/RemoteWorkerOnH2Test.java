package dev.assay.server.pipeline;

/** The remote worker against a server on H2. */
class RemoteWorkerOnH2Test extends RemoteWorkerContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
