package dev.assay.server.pipeline.triggers;

/**
 * Push pipelines, on the embedded H2 only: what they add is git and the sandbox end to end; push events and the
 * queue are tested on both databases by their own contracts.
 */
class PushPipelineOnH2Test extends PushPipelineContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
