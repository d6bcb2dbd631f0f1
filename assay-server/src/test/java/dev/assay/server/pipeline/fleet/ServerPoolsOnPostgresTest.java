package dev.assay.server.pipeline.fleet;

/** The in-process workers of two servers, on Postgres. */
class ServerPoolsOnPostgresTest extends ServerPoolsContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
