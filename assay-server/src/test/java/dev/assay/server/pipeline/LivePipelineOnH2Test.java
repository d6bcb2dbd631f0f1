package dev.assay.server.pipeline;

/**
 * The live pipeline page and remote workers' raw-data files, on the embedded H2 only: the pages and the sandbox
 * are what it tests; remote workers run on PostgreSQL in their own test.
 */
class LivePipelineOnH2Test extends LivePipelineContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
