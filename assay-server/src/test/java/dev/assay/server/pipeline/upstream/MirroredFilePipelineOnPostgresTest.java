package dev.assay.server.pipeline.upstream;

/** Pipelines of mirrored files on PostgreSQL. */
class MirroredFilePipelineOnPostgresTest extends MirroredFilePipelineContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
