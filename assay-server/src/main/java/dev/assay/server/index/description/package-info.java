/**
 * A release's long description turned into HTML that is safe to put in a page unescaped: Markdown
 * rendered and sanitised, reStructuredText as the pipeline's sandboxed {@code description} task rendered it
 * (sanitised again before it is kept), plain text and not-yet-rendered reStructuredText shown preformatted,
 * oversized input cut.
 */
package dev.assay.server.index.description;
