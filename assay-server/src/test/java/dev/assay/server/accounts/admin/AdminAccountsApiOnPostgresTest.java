package dev.assay.server.accounts.admin;

/** The admin API of users and tokens on PostgreSQL. */
class AdminAccountsApiOnPostgresTest extends AdminAccountsApiContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
