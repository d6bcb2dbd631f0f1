package dev.assay.server.pipeline.pages;

/** A project's pipelines page and API list, and the re-run button, on H2. */
class ProjectPipelinesOnH2Test extends ProjectPipelinesContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }
}
