package dev.assay.server.pipeline.triggers;

/** The release page against the pipelines API on H2. */
class ReleasePipelinesOnH2Test extends ReleasePipelinesContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
