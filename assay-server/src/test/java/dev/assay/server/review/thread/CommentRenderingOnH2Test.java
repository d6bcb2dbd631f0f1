package dev.assay.server.review.thread;

/** Comment rendering on H2. */
class CommentRenderingOnH2Test extends CommentRenderingContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
