package dev.assay.server.pipeline;

/** The live pipeline page and remote workers' raw-data files on H2. */
class LivePipelineOnH2Test extends LivePipelineContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
