package dev.assay.server.pipeline;

/** The release page against the pipelines API on H2. */
class ReleasePipelinesOnH2Test extends ReleasePipelinesContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
