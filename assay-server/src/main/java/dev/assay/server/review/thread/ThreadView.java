package dev.assay.server.review.thread;

import java.time.Instant;
import java.util.List;

/**
 * A thread as the API and the pages show it for one iteration: its anchor as written (null for a general
 * comment), where it shows in the iteration viewed ({@code placement}, {@code line}, {@code outdated}), its
 * tags and comments with their rendered HTML, whether the viewer may resolve it, and where the viewer applies its
 * suggested change ({@code applySuggestion}, null unless they may now).
 */
public record ThreadView(long id, String discussionPath, AnchorView anchor, String placement, Integer line,
        boolean outdated, boolean resolved, List<String> tags, String author, Instant createdAt,
        List<CommentView> comments, boolean mayResolve, String applySuggestion) {

    /** Where an inline thread was written. */
    public record AnchorView(int iteration, String path, int line, String side) {
    }

    /** One comment: its Markdown, its sanitised HTML, whether it suggests a change to the thread's line. */
    public record CommentView(long id, String author, String body, String html, boolean draft, Instant createdAt,
            boolean suggestion) {
    }

    /** Whether the thread is shown at a line of the iteration viewed. */
    public boolean atLine() {
        return line != null;
    }

    /** Whether the thread is written as a draft only (its first comment unpublished). */
    public boolean draft() {
        return !comments.isEmpty() && comments.get(0).draft();
    }
}
