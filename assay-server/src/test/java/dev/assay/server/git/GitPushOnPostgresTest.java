package dev.assay.server.git;

/** Git over HTTP on PostgreSQL. */
class GitPushOnPostgresTest extends GitPushContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
