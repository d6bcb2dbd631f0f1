package dev.assay.server.pipeline.queue;

/** The job queue's worker contract on Postgres. */
class JobQueueOnPostgresTest extends JobQueueContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
