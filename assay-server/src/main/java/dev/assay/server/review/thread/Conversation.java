package dev.assay.server.review.thread;

import java.util.List;

import dev.assay.server.review.Discussion;

/**
 * A discussion's threads as seen in the view of one iteration ({@code viewed}, 0 when it has none), with the
 * viewer's unpublished drafts and the count of unresolved threads.
 */
public record Conversation(Discussion discussion, int viewed, List<Integer> iterations, List<ThreadView> threads,
        int drafts, long unresolved, boolean mayComment) {

    /** The general threads, oldest first. */
    public List<ThreadView> general() {
        return threads.stream().filter(thread -> thread.anchor() == null).toList();
    }

    /** The inline threads shown at a line of the iteration viewed. */
    public List<ThreadView> inline() {
        return threads.stream().filter(ThreadView::atLine).toList();
    }

    /** The inline threads written earlier whose line changed since: listed apart, with a link back. */
    public List<ThreadView> outdated() {
        return threads.stream().filter(ThreadView::outdated).toList();
    }

    /** The threads shown at this file's line, for a file view. */
    public List<ThreadView> at(String path, int line) {
        return inline().stream().filter(thread -> thread.anchor().path().equals(path) && thread.line() == line)
                .toList();
    }
}
