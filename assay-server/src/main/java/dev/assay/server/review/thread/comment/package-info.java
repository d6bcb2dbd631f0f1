/** Comments and their rendering: Markdown bodies with mentions, #N and tracker links, and suggested changes. */
package dev.assay.server.review.thread.comment;
