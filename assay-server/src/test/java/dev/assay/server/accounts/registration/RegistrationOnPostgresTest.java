package dev.assay.server.accounts.registration;

/** Self-registration and password reset on PostgreSQL. */
class RegistrationOnPostgresTest extends RegistrationContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
