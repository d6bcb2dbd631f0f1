package dev.assay.server.pipeline.workers;

/** A remote worker on a mirrored file's pipeline, on H2. */
class MirroredFileWorkerOnH2Test extends MirroredFileWorkerContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
