/**
 * The package review: a new project held until a sponsor or reviewer approves it, its states and flags, its
 * iterations (one per version uploaded while it is open), its timeline, its checklist, the sponsorships it
 * records, the {@code /reviews} pages and the {@code /api/v1/reviews} REST API.
 */
package dev.assay.server.review.packagereview;
