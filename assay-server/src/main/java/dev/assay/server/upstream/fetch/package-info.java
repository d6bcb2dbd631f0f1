/**
 * Asking upstream indexes: the HTTP client (timeouts, redirects, credentials kept to the upstream's host), the
 * parsing of PEP 691 JSON and PEP 503 HTML project pages, and the page cache behind the upstream index.
 */
package dev.assay.server.upstream.fetch;
