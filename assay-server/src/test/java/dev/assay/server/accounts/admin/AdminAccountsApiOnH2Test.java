package dev.assay.server.accounts.admin;

/** The admin API of users and tokens on H2. */
class AdminAccountsApiOnH2Test extends AdminAccountsApiContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
