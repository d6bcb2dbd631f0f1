package dev.assay.server.pipeline;

/** The wheelhouse resolver's choice of wheels on H2. */
class IndexWheelhouseOnH2Test extends IndexWheelhouseContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
