package dev.assay.server.pipeline.fleet;

/** Workers at scale on Postgres. */
class FleetOnPostgresTest extends FleetContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
