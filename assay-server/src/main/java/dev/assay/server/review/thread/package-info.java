/**
 * Threads of comments on a discussion (package review or change request): general or anchored at a line of a
 * file of one iteration, placed in later iterations while the line is unchanged, tagged, resolved, written as
 * drafts and published as one round, with their pages and API; suggested changes are applied by the kind of
 * discussion that can, through {@link dev.assay.server.review.thread.SuggestionTargets}. Anchors live in
 * {@code anchor}, comment bodies and their rendering in {@code comment}, issue-tracker patterns in
 * {@code tracker}, mentioned people in {@code people}.
 */
package dev.assay.server.review.thread;
