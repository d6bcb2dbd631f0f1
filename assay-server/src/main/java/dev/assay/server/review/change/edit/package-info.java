/** Editing files in the browser (edit, new file, delete: a commit on a new branch and a change request) and applying suggested changes. */
package dev.assay.server.review.change.edit;
