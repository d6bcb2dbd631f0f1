package dev.assay.server.index.upload;

/** Uploads on H2. */
class UploadOnH2Test extends UploadContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
