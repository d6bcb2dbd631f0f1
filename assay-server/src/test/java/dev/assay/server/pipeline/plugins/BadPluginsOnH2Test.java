package dev.assay.server.pipeline.plugins;

/** Plugins that hang or publish nothing, on H2. */
class BadPluginsOnH2Test extends BadPluginsContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }
}
