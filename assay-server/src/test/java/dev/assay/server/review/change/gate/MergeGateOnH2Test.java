package dev.assay.server.review.change.gate;

/** Merge gates on H2. */
class MergeGateOnH2Test extends MergeGateContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
