package dev.assay.server.accounts;

/** The admin API of users and tokens on PostgreSQL. */
class AdminAccountsApiOnPostgresTest extends AdminAccountsApiContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
