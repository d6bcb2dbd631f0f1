package dev.assay.server.pipeline.health;

/** Three releases' real pipelines charted, on H2. */
class ProjectHealthOnH2Test extends ProjectHealthContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }
}
