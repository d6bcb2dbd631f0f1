package dev.assay.server.notify;

/** Notifications by email on H2. */
class MailOnH2Test extends MailContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
