package dev.assay.server.index.simple;

/** {@link PipInstallContract} on H2. */
class PipInstallOnH2Test extends PipInstallContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
