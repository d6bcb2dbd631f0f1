package dev.assay.server.pipeline.wheelhouse;

/** The wheelhouse resolver's choice of wheels on H2. */
class IndexWheelhouseOnH2Test extends IndexWheelhouseContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
