package dev.assay.server.index.simple;

/** {@link LocalOrphansContract} on H2. */
class LocalOrphansOnH2Test extends LocalOrphansContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
