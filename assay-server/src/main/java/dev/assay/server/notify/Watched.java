package dev.assay.server.notify;

/** Something a person watches: a {@code project} (by name) or a {@code discussion} (by number and title). */
public record Watched(String kind, long id, String name) {
}
