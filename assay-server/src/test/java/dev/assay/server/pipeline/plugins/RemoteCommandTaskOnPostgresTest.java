package dev.assay.server.pipeline.plugins;

/** A command task run by a remote worker, on PostgreSQL. */
class RemoteCommandTaskOnPostgresTest extends RemoteCommandTaskContract {

    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
