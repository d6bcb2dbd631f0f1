package dev.assay.server.review.change.gate;

/** Votes on change requests on H2. */
class VoteOnH2Test extends VoteContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
