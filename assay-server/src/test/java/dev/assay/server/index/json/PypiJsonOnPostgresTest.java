package dev.assay.server.index.json;

/** PyPI's JSON API on PostgreSQL. */
class PypiJsonOnPostgresTest extends PypiJsonContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
