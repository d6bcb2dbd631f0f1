package dev.assay.server.index.manage;

/** The release management API on H2. */
class ReleaseManagementApiOnH2Test extends ReleaseManagementApiContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
