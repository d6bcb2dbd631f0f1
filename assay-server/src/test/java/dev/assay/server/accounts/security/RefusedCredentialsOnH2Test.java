package dev.assay.server.accounts.security;

/** {@link RefusedCredentialsContract} on H2. */
class RefusedCredentialsOnH2Test extends RefusedCredentialsContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
