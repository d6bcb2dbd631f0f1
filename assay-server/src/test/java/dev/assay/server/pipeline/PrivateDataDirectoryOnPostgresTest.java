package dev.assay.server.pipeline;

/**
 * Pipelines of a data directory only its owner may enter, on PostgreSQL only: where the job workspaces go does not
 * depend on the database, and a sandboxed pipeline's results are stored on both by SandboxedPipelineContract.
 */
class PrivateDataDirectoryOnPostgresTest extends PrivateDataDirectoryContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
