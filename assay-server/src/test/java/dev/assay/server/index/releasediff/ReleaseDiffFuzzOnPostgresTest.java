package dev.assay.server.index.releasediff;

/** Release diff fuzzing on PostgreSQL. */
class ReleaseDiffFuzzOnPostgresTest extends ReleaseDiffFuzzContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
