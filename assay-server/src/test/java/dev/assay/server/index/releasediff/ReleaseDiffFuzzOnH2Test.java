package dev.assay.server.index.releasediff;

/** Release diff fuzzing on H2. */
class ReleaseDiffFuzzOnH2Test extends ReleaseDiffFuzzContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
