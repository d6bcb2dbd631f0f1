package dev.assay.server.pipeline.pages;

/** Findings linked to their lines, the health charts and the header badge, on H2. */
class PipelinePolishOnH2Test extends PipelinePolishContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }
}
