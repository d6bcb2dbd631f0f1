package dev.assay.server.pipeline.behaviour;

class EnvReadsOnPostgresTest extends EnvReadsContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
