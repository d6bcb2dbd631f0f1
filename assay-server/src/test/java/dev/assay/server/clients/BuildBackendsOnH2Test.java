package dev.assay.server.clients;

/**
 * {@link BuildBackendsContract} on the embedded H2 only: what it tests is each build backend's files, which no
 * database changes.
 */
class BuildBackendsOnH2Test extends BuildBackendsContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
