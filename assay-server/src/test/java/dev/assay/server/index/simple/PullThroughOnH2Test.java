package dev.assay.server.index.simple;

/** {@link PullThroughContract} on H2. */
class PullThroughOnH2Test extends PullThroughContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
