package dev.assay.server.notify;

/** Notifications by email on PostgreSQL. */
class MailOnPostgresTest extends MailContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
