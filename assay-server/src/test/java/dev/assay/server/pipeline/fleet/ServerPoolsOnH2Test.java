package dev.assay.server.pipeline.fleet;

/** The in-process workers of two servers, on H2. */
class ServerPoolsOnH2Test extends ServerPoolsContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
