package dev.assay.server.pipeline.upstream;

/**
 * Pipelines of mirrored files, on PostgreSQL only: the sandboxed pipelines are the cost; the upstream tables are
 * tested on both databases by the pull-through and worker contracts.
 */
class MirroredFilePipelineOnPostgresTest extends MirroredFilePipelineContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
