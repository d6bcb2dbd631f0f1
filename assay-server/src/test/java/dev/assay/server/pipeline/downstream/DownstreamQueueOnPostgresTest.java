package dev.assay.server.pipeline.downstream;

/** Which dependents a new release re-tests and how their jobs queue, on PostgreSQL. */
class DownstreamQueueOnPostgresTest extends DownstreamQueueContract {

    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
