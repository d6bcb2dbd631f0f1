package dev.assay.server.review.thread;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;

import dev.assay.server.notify.Notice;

/** Keeps every {@link Notice} the server publishes, for tests to read. */
public class RecordedNotices {

    private final List<Notice> notices = new CopyOnWriteArrayList<>();

    @EventListener
    public void on(Notice notice) {
        notices.add(notice);
    }

    /** The notices about this discussion, in order. */
    public List<Notice> about(long discussion) {
        return notices.stream().filter(notice -> notice.discussionId() == discussion).toList();
    }
}
