package dev.assay.server.review.packagereview;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;

import dev.assay.server.notify.Notice;

/** Keeps every {@link Notice} the server publishes, for tests of who is told what (registered as an extra bean). */
public class RecordedNotices {

    private final List<Notice> notices = new CopyOnWriteArrayList<>();

    @EventListener
    void heard(Notice notice) {
        notices.add(notice);
    }

    /** The notices published about this discussion, oldest first. */
    public List<Notice> about(long discussionId) {
        return notices.stream().filter(notice -> notice.discussionId() == discussionId).toList();
    }
}
