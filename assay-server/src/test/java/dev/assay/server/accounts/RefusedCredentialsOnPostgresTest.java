package dev.assay.server.accounts;

/** {@link RefusedCredentialsContract} on PostgreSQL. */
class RefusedCredentialsOnPostgresTest extends RefusedCredentialsContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
