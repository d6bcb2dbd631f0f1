package dev.assay.server.index.description;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Renders a release's long description, by its content type, into HTML safe to insert unescaped. */
@Component
public class DescriptionRenderer {

    private static final Logger log = LoggerFactory.getLogger(DescriptionRenderer.class);

    private final SizeLimit limit;
    private final MarkdownRenderer gfm = MarkdownRenderer.gfm();
    private final MarkdownRenderer commonMark = MarkdownRenderer.commonMark();
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final PreformattedText preformatted = new PreformattedText();

    /** A renderer that cuts descriptions at {@code properties.maxSize()}. */
    public DescriptionRenderer(DescriptionProperties properties) {
        this.limit = new SizeLimit(properties.maxSize().toBytes());
    }

    /**
     * The HTML for {@code description} (null is empty) written as {@code contentType} (may be null); reStructuredText
     * is shown as text.
     */
    public RenderedDescription render(String description, String contentType) {
        return render(description, contentType, (RelativeLinks) null);
    }

    /** The same, with Markdown's relative links and images pointing under {@code relative} (null: dropped). */
    public RenderedDescription render(String description, String contentType, RelativeLinks relative) {
        String text = description == null ? "" : description;
        String shown = limit.cut(text);
        RenderedDescription rendered = switch (DescriptionFormat.of(contentType)) {
            case GFM -> markdown(gfm, shown, relative);
            case COMMONMARK -> markdown(commonMark, shown, relative);
            case RST -> preformatted(shown, DescriptionFormat.RST);
            case PLAIN -> preformatted(shown, DescriptionFormat.PLAIN);
        };
        if (shown.length() < text.length()) {
            return new RenderedDescription(rendered.html() + truncationNote(), rendered.format());
        }
        return rendered;
    }

    /**
     * The same, with reStructuredText shown as its pipeline rendered it ({@code rst}, already sanitised), or as text
     * after a note saying why it is not rendered (yet).
     */
    public RenderedDescription render(String description, String contentType, Optional<RstRendering> rst) {
        if (DescriptionFormat.of(contentType) != DescriptionFormat.RST) {
            return render(description, contentType);
        }
        Optional<String> html = rst.flatMap(RstRendering::html);
        if (html.isPresent()) {
            return new RenderedDescription(html.get(), DescriptionFormat.RST.label());
        }
        RenderedDescription text = render(description, contentType);
        return new RenderedDescription(rstNote(rst) + text.html(), text.format());
    }

    private RenderedDescription markdown(MarkdownRenderer markdown, String text, RelativeLinks relative) {
        try {
            String html = sanitizer.sanitize(markdown.toUnsafeHtml(text), relative);
            return new RenderedDescription(html, DescriptionFormat.GFM.label());
        } catch (RuntimeException e) {
            // The parser refuses some hostile input (a table of a million cells); the page still
            // shows the description, as the text it is.
            log.warn("Markdown description not rendered, shown as text: {}", e.toString());
            return preformatted(text, DescriptionFormat.PLAIN);
        }
    }

    private RenderedDescription preformatted(String text, DescriptionFormat format) {
        return new RenderedDescription(preformatted.render(text), format.label());
    }

    private static String rstNote(Optional<RstRendering> rst) {
        StringBuilder note = new StringBuilder("<p class=\"description-note\">");
        Optional<String> problem = rst.flatMap(RstRendering::problem);
        if (problem.isEmpty()) {
            return note.append("This reStructuredText description is shown as text until a pipeline renders it.</p>")
                    .toString();
        }
        note.append("This description does not render as reStructuredText, so it is shown as text, as PyPI shows it: ");
        PreformattedText.escapeInto(problem.get(), note);
        return note.append("</p>").toString();
    }

    private String truncationNote() {
        return "<p class=\"description-truncated\">This description is longer than "
                + limit.describe() + "; only its beginning is shown.</p>";
    }
}
