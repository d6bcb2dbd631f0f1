package dev.assay.server.review.thread;

/** Comment rendering on PostgreSQL. */
class CommentRenderingOnPostgresTest extends CommentRenderingContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
