package dev.assay.server.git;

/** The git REST API and project creation on PostgreSQL. */
class GitApiOnPostgresTest extends GitApiContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
