package dev.assay.server.pipeline.behaviour;

class BehaviourOnPostgresTest extends BehaviourContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
