package dev.assay.server.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.assay.server.accounts.User;

/**
 * Turns a {@link Notice} into watchers, inbox rows and outbox mail, inside the transaction that published it: a
 * notice of an action that rolls back leaves nothing behind, and one that commits is never lost.
 */
@Component
class NoticeListener {

    static final int MAX_HEADLINE = 300;
    static final int MAX_EXCERPT = 2000;
    static final int MAX_PATH = 500;

    private final WatchRepository watchers;
    private final NotificationRepository notifications;
    private final Recipients recipients;
    private final NoticeMail mail;
    private final Clock clock;

    NoticeListener(WatchRepository watchers, NotificationRepository notifications, Recipients recipients,
            NoticeMail mail, Clock clock) {
        this.watchers = watchers;
        this.notifications = notifications;
        this.recipients = recipients;
        this.mail = mail;
        this.clock = clock;
    }

    @EventListener
    void onNotice(Notice notice) {
        Instant now = clock.instant();
        Set<Long> participants = new LinkedHashSet<>(notice.directRecipients());
        participants.add(notice.actorId());
        Set<Long> discussionWatchers = new LinkedHashSet<>(watchers.discussionWatchers(notice.discussionId()));
        recipients.readersAmong(notice.projectId(), participants).keySet().forEach(id -> {
            watchers.watchDiscussion(notice.discussionId(), id, now);
            discussionWatchers.add(id);
        });

        Set<Long> told = new LinkedHashSet<>(discussionWatchers);
        told.addAll(watchers.projectWatchers(notice.projectId()));
        told.remove(notice.actorId());
        Map<Long, User> readers = recipients.readersAmong(notice.projectId(), told);
        String headline = clip(notice.headline(), MAX_HEADLINE);
        String excerpt = clip(notice.excerpt() == null ? "" : notice.excerpt(), MAX_EXCERPT);
        String path = sitePath(notice.path());
        readers.forEach((id, user) -> {
            notifications.insert(id, notice, headline, path, excerpt, now);
            if (mail.isMailed(notice.kind(), discussionWatchers.contains(id))) {
                mail.enqueue(user, headline, excerpt, path);
            }
        });
    }

    /** Links in the inbox and in mail only ever lead to a page of this site. */
    private static String sitePath(String path) {
        boolean onSite = path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\");
        return onSite ? clip(path, MAX_PATH) : "/notifications";
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
