package dev.assay.server.index.simple;

/** {@link FileFastPathContract} on H2. */
class FileFastPathOnH2Test extends FileFastPathContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
