package dev.assay.server.index.description;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Markdown to HTML that is NOT yet safe: raw HTML passes through for the sanitiser to judge. */
public final class MarkdownRenderer {

    // Caps on nesting keep the recursive HTML renderer far from the end of the stack; deeper
    // input is still shown, as text.
    private static final int MAX_OPEN_BLOCKS = 64;
    private static final int MAX_INLINE_NESTING = 32;

    private final Parser parser;
    private final HtmlRenderer renderer;

    private MarkdownRenderer(List<Extension> extensions) {
        this.parser = Parser.builder()
                .extensions(extensions)
                .maxOpenBlockParsers(MAX_OPEN_BLOCKS)
                .maxInlineNesting(MAX_INLINE_NESTING)
                .build();
        this.renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .sanitizeUrls(true)
                .build();
    }

    /** GitHub Flavored Markdown as PyPI renders it: tables, strikethrough and bare links. */
    public static MarkdownRenderer gfm() {
        return new MarkdownRenderer(List.of(
                TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create()));
    }

    /** Strict CommonMark, without extensions. */
    static MarkdownRenderer commonMark() {
        return new MarkdownRenderer(List.of());
    }

    /** The HTML for {@code markdown}, to be sanitised before anyone sees it. */
    public String toUnsafeHtml(String markdown) {
        return renderer.render(parser.parse(markdown));
    }
}
