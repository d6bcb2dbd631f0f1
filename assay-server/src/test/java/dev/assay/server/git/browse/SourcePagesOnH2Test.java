package dev.assay.server.git.browse;

/** The source pages on H2. */
class SourcePagesOnH2Test extends SourcePagesContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
