package dev.assay.server.pipeline;

/** The sandboxed pipeline on PostgreSQL. */
class SandboxedPipelineOnPostgresTest extends SandboxedPipelineContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
