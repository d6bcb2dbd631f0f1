/** The web page of a project this index does not host but an upstream lists. */
package dev.assay.server.upstream.pages;
