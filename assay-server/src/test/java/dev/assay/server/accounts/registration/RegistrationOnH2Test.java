package dev.assay.server.accounts.registration;

/** Self-registration and password reset on H2. */
class RegistrationOnH2Test extends RegistrationContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
