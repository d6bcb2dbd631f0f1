package dev.assay.server.pipeline.behaviour;

class EnvReadsOnH2Test extends EnvReadsContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
