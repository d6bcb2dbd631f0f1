package dev.assay.server.pipeline.triggers;

/** Push pipelines on PostgreSQL. */
class PushPipelineOnPostgresTest extends PushPipelineContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
