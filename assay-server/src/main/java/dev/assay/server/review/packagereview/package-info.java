/**
 * The package review: a new project held until a sponsor or reviewer approves it, its states, flags and rules,
 * its iterations (one per version uploaded while it is open) and the files inline threads read of them, its
 * timeline and the sponsorships it records; its checklist lives in {@code checklist}, its pages and API in
 * {@code pages}.
 */
package dev.assay.server.review.packagereview;
