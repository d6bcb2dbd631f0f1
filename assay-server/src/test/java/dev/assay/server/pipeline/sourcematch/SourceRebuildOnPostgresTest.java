package dev.assay.server.pipeline.sourcematch;

/** Rebuilds from the tag on PostgreSQL. */
class SourceRebuildOnPostgresTest extends SourceRebuildContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
