package dev.assay.server.accounts;

/** The accounts rules on Postgres. */
class AccountsOnPostgresTest extends AccountsContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
