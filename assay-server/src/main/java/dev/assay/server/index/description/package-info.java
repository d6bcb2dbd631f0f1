/**
 * A release's long description turned into HTML that is safe to put in a page unescaped: Markdown
 * rendered and sanitised, reStructuredText and plain text shown preformatted, oversized input cut.
 */
package dev.assay.server.index.description;
