/** Issue-tracker patterns that link references in comments, their admin page and API, and their read budget. */
package dev.assay.server.review.thread.tracker;
