package dev.assay.server.review.change.edit;

/** Suggested changes on H2. */
class SuggestionsOnH2Test extends SuggestionsContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }
}
