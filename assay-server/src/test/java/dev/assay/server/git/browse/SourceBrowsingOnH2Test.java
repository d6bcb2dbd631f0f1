package dev.assay.server.git.browse;

/** The README, last commits and diff views of the source pages on H2. */
class SourceBrowsingOnH2Test extends SourceBrowsingContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
