package dev.assay.server.index.simple;

/** {@link FileServingContract} on H2. */
class FileServingOnH2Test extends FileServingContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
