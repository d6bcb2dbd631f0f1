package dev.assay.server.pipeline.queue;

/** The job queue's worker contract on H2. */
class JobQueueOnH2Test extends JobQueueContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
