package dev.assay.server.review.releasegate;

class ReleaseGateOnPostgresTest extends ReleaseGateContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
