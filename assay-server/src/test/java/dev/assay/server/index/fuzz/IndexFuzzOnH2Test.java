package dev.assay.server.index.fuzz;

/** {@link IndexFuzzContract} on H2. */
class IndexFuzzOnH2Test extends IndexFuzzContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
