package dev.assay.server.pipeline.wheelhouse;

/** The wheelhouse resolver's choice of wheels on Postgres. */
class IndexWheelhouseOnPostgresTest extends IndexWheelhouseContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
