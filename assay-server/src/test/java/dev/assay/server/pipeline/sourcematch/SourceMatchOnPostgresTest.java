package dev.assay.server.pipeline.sourcematch;

/** Source matching on PostgreSQL. */
class SourceMatchOnPostgresTest extends SourceMatchContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
