package dev.assay.server.pipeline;

/** Push pipelines on H2. */
class PushPipelineOnH2Test extends PushPipelineContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
