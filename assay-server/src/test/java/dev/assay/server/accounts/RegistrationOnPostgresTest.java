package dev.assay.server.accounts;

/** Self-registration and password reset on PostgreSQL. */
class RegistrationOnPostgresTest extends RegistrationContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
