package dev.assay.server.pipeline.workers;

/** A remote worker on a mirrored file's pipeline, on PostgreSQL. */
class MirroredFileWorkerOnPostgresTest extends MirroredFileWorkerContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
