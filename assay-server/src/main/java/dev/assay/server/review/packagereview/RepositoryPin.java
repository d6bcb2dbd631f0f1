package dev.assay.server.review.packagereview;

/** The ref an iteration reviews the project's repository at, and the commit it pointed at then. */
public record RepositoryPin(String ref, String commit) {
}
