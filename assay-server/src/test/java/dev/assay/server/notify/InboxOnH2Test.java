package dev.assay.server.notify;

/** Watchers and the inbox on H2. */
class InboxOnH2Test extends InboxContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
