package dev.assay.server.pipeline.matrix;

/** A project's choice of Python versions on H2. */
class ProjectPythonsOnH2Test extends ProjectPythonsContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
