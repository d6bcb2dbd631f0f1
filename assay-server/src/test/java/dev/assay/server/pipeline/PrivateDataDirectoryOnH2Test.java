package dev.assay.server.pipeline;

/** Pipelines of a data directory only its owner may enter, on H2. */
class PrivateDataDirectoryOnH2Test extends PrivateDataDirectoryContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
