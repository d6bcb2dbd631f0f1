package dev.assay.server.pipeline.fleet;

/** One rule of who is online, on Postgres. */
class OnlineWorkersOnPostgresTest extends OnlineWorkersContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
