package dev.assay.server.index.simple;

/** The Simple Repository API and file serving on H2. */
class SimpleIndexOnH2Test extends SimpleIndexContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
