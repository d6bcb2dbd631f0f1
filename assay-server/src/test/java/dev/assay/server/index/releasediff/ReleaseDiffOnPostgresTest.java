package dev.assay.server.index.releasediff;

/** Release diffs on PostgreSQL. */
class ReleaseDiffOnPostgresTest extends ReleaseDiffContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
