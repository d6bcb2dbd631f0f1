package dev.assay.server.pipeline;

/** Kept raw-data files and their downloads on H2. */
class RawDataOnH2Test extends RawDataContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
