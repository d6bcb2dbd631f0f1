package dev.assay.server.review.change.gate;

/** Merging change requests on H2. */
class MergeOnH2Test extends MergeContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
