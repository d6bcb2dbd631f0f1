package dev.assay.server.pipeline;

/** A project's pipelines page and API list, and the re-run button, on H2. */
class ProjectPipelinesOnH2Test extends ProjectPipelinesContract {

    @Override
    String databaseKind() {
        return "h2";
    }
}
