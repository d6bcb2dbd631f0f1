/**
 * Change requests: commits proposed for a branch of a project's repository, revision by revision, discussed in
 * the threads every review shares, voted on, and merged on the server when the project's merge gate is met.
 */
package dev.assay.server.review.change;
