package dev.assay.server.git;

/** Background repacks of repositories, on H2. */
class MaintenanceOnH2Test extends MaintenanceContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
