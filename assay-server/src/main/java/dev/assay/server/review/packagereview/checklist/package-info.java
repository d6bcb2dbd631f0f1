/** A package review's checklist: manual items administrators configure and reviewers tick, and automatic ones. */
package dev.assay.server.review.packagereview.checklist;
