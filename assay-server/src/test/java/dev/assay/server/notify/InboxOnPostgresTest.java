package dev.assay.server.notify;

/** Watchers and the inbox on PostgreSQL. */
class InboxOnPostgresTest extends InboxContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
