package dev.assay.server.pipeline;

/** The wheelhouse resolver's choice of wheels on Postgres. */
class IndexWheelhouseOnPostgresTest extends IndexWheelhouseContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
