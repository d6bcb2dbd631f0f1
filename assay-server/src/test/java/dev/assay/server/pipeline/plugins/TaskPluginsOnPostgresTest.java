package dev.assay.server.pipeline.plugins;

/** Task plugins and switches on PostgreSQL. */
class TaskPluginsOnPostgresTest extends TaskPluginsContract {

    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
