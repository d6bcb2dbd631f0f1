package dev.assay.server.pipeline.rawdata;

/** Kept raw-data files and their downloads on H2. */
class RawDataOnH2Test extends RawDataContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
