package dev.assay.server.upstream.pages;

/** The page of a mirrored project on H2. */
class MirroredProjectPageOnH2Test extends MirroredProjectPageContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
