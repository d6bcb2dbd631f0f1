package dev.assay.server.clients;

/** {@link BuildBackendsContract} on H2. */
class BuildBackendsOnH2Test extends BuildBackendsContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
