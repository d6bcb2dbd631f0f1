package dev.assay.server.pipeline.matrix;

/** A project's choice of Python versions on Postgres. */
class ProjectPythonsOnPostgresTest extends ProjectPythonsContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
