package dev.assay.server.pipeline;

/** The job queue's worker contract on H2. */
class JobQueueOnH2Test extends JobQueueContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
