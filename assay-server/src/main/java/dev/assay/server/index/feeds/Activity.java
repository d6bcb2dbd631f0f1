package dev.assay.server.index.feeds;

import java.time.Instant;

/**
 * One thing a person did, as their activity feed lists it: a title, the site path of its page (e.g.
 * {@code /reviews/12}), a line of description and when it happened.
 */
public record Activity(String title, String path, String description, Instant at) {
}
