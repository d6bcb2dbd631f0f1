package dev.assay.server.git.browse;

/** The source pages on PostgreSQL. */
class SourcePagesOnPostgresTest extends SourcePagesContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
