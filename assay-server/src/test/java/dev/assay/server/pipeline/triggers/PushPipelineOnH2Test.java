package dev.assay.server.pipeline.triggers;

/** Push pipelines on H2. */
class PushPipelineOnH2Test extends PushPipelineContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
