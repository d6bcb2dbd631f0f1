package dev.assay.server.pipeline.fleet;

/** Workers at scale on H2. */
class FleetOnH2Test extends FleetContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
