package dev.assay.server.review.thread;

/** The conversation pages on PostgreSQL. */
class ConversationPagesOnPostgresTest extends ConversationPagesContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
