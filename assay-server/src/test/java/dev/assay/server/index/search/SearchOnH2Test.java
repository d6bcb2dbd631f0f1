package dev.assay.server.index.search;

/** Search on H2. */
class SearchOnH2Test extends SearchContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
