package dev.assay.server.pipeline.behaviour;

class BehaviourOnH2Test extends BehaviourContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
