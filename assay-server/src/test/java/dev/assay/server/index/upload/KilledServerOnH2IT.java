package dev.assay.server.index.upload;

/** A killed server on the embedded default (H2). */
class KilledServerOnH2IT extends KilledServerContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
