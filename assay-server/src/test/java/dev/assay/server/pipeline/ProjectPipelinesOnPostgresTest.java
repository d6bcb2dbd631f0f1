package dev.assay.server.pipeline;

/** A project's pipelines page and API list, and the re-run button, on Postgres. */
class ProjectPipelinesOnPostgresTest extends ProjectPipelinesContract {

    @Override
    String databaseKind() {
        return "postgresql";
    }
}
