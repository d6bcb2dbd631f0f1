package dev.assay.server.index.fuzz;

/** {@link IndexFuzzContract} on PostgreSQL. */
class IndexFuzzOnPostgresTest extends IndexFuzzContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
