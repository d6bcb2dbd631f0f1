package dev.assay.server.notify;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.NotFoundException;

/** A person's inbox: only ever their own notifications; someone else's is the 404 of a missing one. */
@Service
public class InboxService {

    static final int PAGE = 200;

    private final NotificationRepository notifications;
    private final Clock clock;

    InboxService(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The caller's notifications, unread first, newest first. */
    public List<Notification> inbox(Caller caller) {
        return notifications.inbox(caller.user().id(), PAGE);
    }

    /** How many of the caller's notifications are unread. */
    public long unread(Caller caller) {
        return notifications.unread(caller.user().id());
    }

    /** The unread count of the signed-in user with this name, as the page header shows it. */
    public long unread(String userName) {
        return notifications.unreadByName(userName);
    }

    /** Marks one of the caller's notifications read and returns it. */
    @Transactional
    public Notification markRead(Caller caller, long id) {
        long userId = caller.user().id();
        notifications.find(id, userId).orElseThrow(() -> noSuchNotification(id));
        notifications.markRead(id, userId, clock.instant());
        return notifications.find(id, userId).orElseThrow(() -> noSuchNotification(id));
    }

    /** Marks every notification of the caller read; returns how many were unread. */
    @Transactional
    public int markAllRead(Caller caller) {
        return notifications.markAllRead(caller.user().id(), clock.instant());
    }

    private static NotFoundException noSuchNotification(long id) {
        return new NotFoundException("you have no notification " + id);
    }
}
