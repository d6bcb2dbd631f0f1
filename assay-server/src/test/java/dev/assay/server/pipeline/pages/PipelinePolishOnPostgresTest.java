package dev.assay.server.pipeline.pages;

/** Findings linked to their lines, the health charts and the header badge, on Postgres. */
class PipelinePolishOnPostgresTest extends PipelinePolishContract {

    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
