/** Domain exceptions and the one place that maps them to HTTP responses. */
package dev.assay.server.error;
