/**
 * Full-text search of projects: the words kept per project (name, and its latest release's summary, keywords and
 * description), kept current on uploads and release changes, and the ranked query on PostgreSQL and H2.
 */
package dev.assay.server.index.search;
