package dev.assay.server.pipeline;

/** The job queue's worker contract on Postgres. */
class JobQueueOnPostgresTest extends JobQueueContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
