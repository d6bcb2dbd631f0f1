package dev.assay.server.pipeline;

/** The upload scenarios on H2. */
class UploadScenariosOnH2Test extends UploadScenariosContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
