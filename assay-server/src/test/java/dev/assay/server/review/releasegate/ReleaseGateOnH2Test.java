package dev.assay.server.review.releasegate;

class ReleaseGateOnH2Test extends ReleaseGateContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
