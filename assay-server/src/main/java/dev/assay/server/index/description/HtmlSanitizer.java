package dev.assay.server.index.description;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Keeps only the HTML a description needs: text structure, tables, code, links to http(s) and
 * mail, and http(s) images. Scripts, styles, frames, event handlers and other URL schemes go.
 */
public final class HtmlSanitizer {

    private static final Pattern LANGUAGE_CLASS = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");

    private final Cleaner cleaner = new Cleaner(safelist());
    private final HeadingAnchors anchors = new HeadingAnchors();

    /** The safe form of {@code html}, a fragment for a page's body. */
    public String sanitize(String html) {
        Document clean = cleaner.clean(Jsoup.parseBodyFragment(html));
        clean.outputSettings().prettyPrint(false);
        keepOnlyLanguageClasses(clean);
        anchors.addTo(clean.body());
        return clean.body().html();
    }

    private static Safelist safelist() {
        return new Safelist()
                .addTags("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr",
                        "ul", "ol", "li", "blockquote", "pre", "code",
                        "em", "strong", "del",
                        "table", "thead", "tbody", "tr", "th", "td",
                        "a", "img")
                .addAttributes("a", "href", "title")
                .addProtocols("a", "href", "http", "https", "mailto", "#")
                .addEnforcedAttribute("a", "rel", "nofollow ugc noopener")
                .addAttributes("img", "src", "alt", "title", "width", "height")
                .addProtocols("img", "src", "http", "https")
                .addAttributes("ol", "start")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .addAttributes("code", "class");
    }

    // Fenced code keeps its language-* class for later highlighting; any other class is dropped
    // so a description cannot borrow the page's own styling.
    private static void keepOnlyLanguageClasses(Document document) {
        for (Element code : document.select("code[class]")) {
            if (!LANGUAGE_CLASS.matcher(code.className()).matches()) {
                code.removeAttr("class");
            }
        }
    }
}
