package dev.assay.server.pipeline.plugins;

/** A command task run by a remote worker, on H2. */
class RemoteCommandTaskOnH2Test extends RemoteCommandTaskContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }
}
