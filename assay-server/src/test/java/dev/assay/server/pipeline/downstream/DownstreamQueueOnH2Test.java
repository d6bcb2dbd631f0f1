package dev.assay.server.pipeline.downstream;

/** Which dependents a new release re-tests and how their jobs queue, on H2. */
class DownstreamQueueOnH2Test extends DownstreamQueueContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }
}
