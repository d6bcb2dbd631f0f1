package dev.assay.server.review.thread;

/** The conversation pages on H2. */
class ConversationPagesOnH2Test extends ConversationPagesContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
