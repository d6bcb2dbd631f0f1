package dev.assay.server.git;

/** Git hosting with default settings and a restart, on H2. */
class DefaultServerOnH2Test extends DefaultServerContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
