package dev.assay.server.pipeline;

/** Push pipelines on PostgreSQL. */
class PushPipelineOnPostgresTest extends PushPipelineContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
