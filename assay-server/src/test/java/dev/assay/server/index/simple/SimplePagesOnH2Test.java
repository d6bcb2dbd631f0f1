package dev.assay.server.index.simple;

/** {@link SimplePagesContract} on H2. */
class SimplePagesOnH2Test extends SimplePagesContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
