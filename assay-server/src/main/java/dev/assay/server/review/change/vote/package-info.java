/**
 * Votes on change requests: approve or needs work, one per person, cast by the project's owners, maintainers and
 * reviewers on the latest revision, withdrawn or replaced at will.
 */
package dev.assay.server.review.change.vote;
