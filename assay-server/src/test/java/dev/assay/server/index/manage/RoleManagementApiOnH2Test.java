package dev.assay.server.index.manage;

/** The role management API on H2. */
class RoleManagementApiOnH2Test extends RoleManagementApiContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
