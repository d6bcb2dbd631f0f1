package dev.assay.server.git;

/** Push mirrors on PostgreSQL. */
class MirrorOnPostgresTest extends MirrorContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
