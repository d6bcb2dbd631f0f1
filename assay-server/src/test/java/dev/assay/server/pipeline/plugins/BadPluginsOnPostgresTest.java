package dev.assay.server.pipeline.plugins;

/** Plugins that hang or publish nothing, on PostgreSQL. */
class BadPluginsOnPostgresTest extends BadPluginsContract {

    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
