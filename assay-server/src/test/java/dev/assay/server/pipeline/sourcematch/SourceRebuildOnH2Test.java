package dev.assay.server.pipeline.sourcematch;

/** Rebuilds from the tag on H2. */
class SourceRebuildOnH2Test extends SourceRebuildContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
