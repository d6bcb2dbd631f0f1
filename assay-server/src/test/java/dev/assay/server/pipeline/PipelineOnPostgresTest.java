package dev.assay.server.pipeline;

/** The test pipeline's triggers and results on Postgres. */
class PipelineOnPostgresTest extends PipelineContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
