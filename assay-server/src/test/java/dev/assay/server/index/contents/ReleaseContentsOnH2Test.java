package dev.assay.server.index.contents;

/** A release's contents on H2. */
class ReleaseContentsOnH2Test extends ReleaseContentsContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
