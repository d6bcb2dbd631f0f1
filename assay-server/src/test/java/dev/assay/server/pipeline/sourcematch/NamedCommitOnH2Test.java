package dev.assay.server.pipeline.sourcematch;

/** Commits named by the upload and by a maintainer on H2. */
class NamedCommitOnH2Test extends NamedCommitContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
