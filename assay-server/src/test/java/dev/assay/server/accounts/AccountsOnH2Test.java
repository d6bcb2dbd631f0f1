package dev.assay.server.accounts;

/** The accounts rules on H2. */
class AccountsOnH2Test extends AccountsContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
