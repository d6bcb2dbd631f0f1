/**
 * Threads of comments on a discussion (package review or change request): general or anchored at a line of a
 * file of one iteration, ported to later iterations while the line is unchanged, tagged, resolved, written as
 * drafts and published as one round; Markdown bodies with mentions, #N and issue-tracker links.
 */
package dev.assay.server.review.thread;
