/** The people comments mention: their names for mentions and the {@code @}-completion API. */
package dev.assay.server.review.thread.people;
