package dev.assay.server.index.releasediff;

/** Release diffs on H2. */
class ReleaseDiffOnH2Test extends ReleaseDiffContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
