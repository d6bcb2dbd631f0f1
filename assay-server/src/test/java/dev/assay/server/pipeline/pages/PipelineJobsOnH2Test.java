package dev.assay.server.pipeline.pages;

/** Every job of a pipeline on its page and in its API, on H2. */
class PipelineJobsOnH2Test extends PipelineJobsContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
