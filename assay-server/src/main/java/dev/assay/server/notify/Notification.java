package dev.assay.server.notify;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One line of a person's inbox: what happened in which discussion, and whether they have read it. */
public record Notification(long id, String kind, long discussionId, String headline, String path, String excerpt,
        Instant createdAt, Instant readAt) {

    /** Whether the person marked it read ({@code readAt} says so on the wire). */
    @JsonIgnore
    public boolean isRead() {
        return readAt != null;
    }
}
