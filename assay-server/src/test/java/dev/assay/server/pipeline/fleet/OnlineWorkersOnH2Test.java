package dev.assay.server.pipeline.fleet;

/** One rule of who is online, on H2. */
class OnlineWorkersOnH2Test extends OnlineWorkersContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
