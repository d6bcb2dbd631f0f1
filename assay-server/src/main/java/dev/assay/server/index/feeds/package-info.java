/** RSS feeds of the newest releases, of the whole index and of one project, at PyPI's addresses. */
package dev.assay.server.index.feeds;
