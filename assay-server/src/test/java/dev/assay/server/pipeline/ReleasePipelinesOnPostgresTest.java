package dev.assay.server.pipeline;

/** The release page against the pipelines API on Postgres. */
class ReleasePipelinesOnPostgresTest extends ReleasePipelinesContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
