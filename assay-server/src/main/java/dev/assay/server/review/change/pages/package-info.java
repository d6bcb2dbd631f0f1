/**
 * The change request pages: the list, a request's page with its diffs, interdiffs and threads in place, and the
 * form that opens one from two branches.
 */
package dev.assay.server.review.change.pages;
