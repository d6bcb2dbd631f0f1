package dev.assay.server.index.json;

/** PyPI's JSON API on H2. */
class PypiJsonOnH2Test extends PypiJsonContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
