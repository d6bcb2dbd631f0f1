package dev.assay.server.index.pages;

/** The index's pages on H2. */
class IndexPagesOnH2Test extends IndexPagesContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
