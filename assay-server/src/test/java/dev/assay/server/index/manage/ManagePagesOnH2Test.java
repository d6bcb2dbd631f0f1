package dev.assay.server.index.manage;

/** The management page on H2. */
class ManagePagesOnH2Test extends ManagePagesContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
