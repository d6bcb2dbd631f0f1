package dev.assay.server.index.simple;

/** {@link PipInstallContract} on PostgreSQL. */
class PipInstallOnPostgresTest extends PipInstallContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
