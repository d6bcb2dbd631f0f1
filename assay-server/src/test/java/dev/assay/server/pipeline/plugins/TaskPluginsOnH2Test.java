package dev.assay.server.pipeline.plugins;

/**
 * Task plugins and switches on H2. The command on the data directory itself ({@code assay plugins … --data}) is
 * not run here: started in this JVM next to a running server, it stopped the capture of every later test's log.
 */
class TaskPluginsOnH2Test extends TaskPluginsContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }
}
