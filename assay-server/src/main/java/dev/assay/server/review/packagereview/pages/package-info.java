/** The package review's {@code /reviews} pages, an iteration's contents, and the {@code /api/v1/reviews} REST API. */
package dev.assay.server.review.packagereview.pages;
