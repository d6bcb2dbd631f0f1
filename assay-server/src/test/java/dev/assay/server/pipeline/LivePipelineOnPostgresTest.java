package dev.assay.server.pipeline;

/** The live pipeline page and remote workers' raw-data files on Postgres. */
class LivePipelineOnPostgresTest extends LivePipelineContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
