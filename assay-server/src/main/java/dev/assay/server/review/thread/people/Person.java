package dev.assay.server.review.thread.people;

/** A user as comments name them: for mentions, completion and notices. */
public record Person(long id, String name) {
}
