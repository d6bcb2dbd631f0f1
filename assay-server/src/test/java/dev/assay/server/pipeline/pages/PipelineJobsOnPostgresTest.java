package dev.assay.server.pipeline.pages;

/** Every job of a pipeline on its page and in its API, on Postgres. */
class PipelineJobsOnPostgresTest extends PipelineJobsContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
