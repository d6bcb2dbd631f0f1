package dev.assay.server.index.simple;

/** {@link SimpleCacheContract} on H2. */
class SimpleCacheOnH2Test extends SimpleCacheContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
