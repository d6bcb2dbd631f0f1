package dev.assay.server.pipeline.triggers;

/** The release page against the pipelines API on Postgres. */
class ReleasePipelinesOnPostgresTest extends ReleasePipelinesContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
