package dev.assay.server.pipeline.pages;

/** A project's pipelines page and API list, and the re-run button, on Postgres. */
class ProjectPipelinesOnPostgresTest extends ProjectPipelinesContract {

    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
