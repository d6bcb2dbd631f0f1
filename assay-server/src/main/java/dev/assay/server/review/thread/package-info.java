/**
 * Threads of comments on a discussion (package review or change request): general or anchored at a line of a
 * file of one iteration, ported to later iterations while the line is unchanged, tagged, resolved, written as
 * drafts and published as one round; Markdown bodies with mentions, #N and issue-tracker links, and suggested
 * changes shown as a diff of the thread's line (applied by the kind of discussion that can, through
 * {@link dev.assay.server.review.thread.SuggestionTargets}).
 */
package dev.assay.server.review.thread;
