package dev.assay.server.pipeline;

/** The test pipeline's triggers and results on H2. */
class PipelineOnH2Test extends PipelineContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
