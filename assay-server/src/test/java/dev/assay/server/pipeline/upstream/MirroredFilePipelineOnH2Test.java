package dev.assay.server.pipeline.upstream;

/** Pipelines of mirrored files on H2. */
class MirroredFilePipelineOnH2Test extends MirroredFilePipelineContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
