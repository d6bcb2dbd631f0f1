package dev.assay.server.pipeline.plugins;

/** A command task from configuration, in the sandbox, on H2. */
class CommandTaskOnH2Test extends CommandTaskContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }
}
