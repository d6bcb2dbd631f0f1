package dev.assay.server.accounts.security;

/** {@link RefusedCredentialsContract} on PostgreSQL. */
class RefusedCredentialsOnPostgresTest extends RefusedCredentialsContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
