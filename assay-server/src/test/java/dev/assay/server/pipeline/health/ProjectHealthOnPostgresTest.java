package dev.assay.server.pipeline.health;

/** Three releases' real pipelines charted, on Postgres. */
class ProjectHealthOnPostgresTest extends ProjectHealthContract {

    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
