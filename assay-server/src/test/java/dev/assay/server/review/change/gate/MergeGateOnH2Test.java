package dev.assay.server.review.change.gate;

/** Merge gates on H2. */
class MergeGateOnH2Test extends MergeGateContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
