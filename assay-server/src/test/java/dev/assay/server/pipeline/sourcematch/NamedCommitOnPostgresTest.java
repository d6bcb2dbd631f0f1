package dev.assay.server.pipeline.sourcematch;

/** Commits named by the upload and by a maintainer on PostgreSQL. */
class NamedCommitOnPostgresTest extends NamedCommitContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
