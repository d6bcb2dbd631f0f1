package dev.assay.server.review.thread.comment;

import java.util.Set;

import dev.assay.server.review.thread.people.Person;

/** A comment body as HTML safe to insert unescaped, and the existing users it mentions. */
public record RenderedComment(String html, Set<Person> mentioned) {

    public RenderedComment {
        mentioned = Set.copyOf(mentioned);
    }
}
