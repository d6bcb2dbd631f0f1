package dev.assay.server.index.description;

import java.net.URI;
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
    /** A scheme, a site path, an anchor or a query: not an address relative to the document's folder. */
    private static final Pattern NOT_RELATIVE =
            Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:|[/\\\\#?]).*", Pattern.DOTALL);
    // relative addresses are made absolute on this host, which the sanitiser checks as any https address,
    // then turned back into site paths
    private static final String SITE = "https://site.invalid";

    private final Cleaner cleaner = new Cleaner(safelist());
    private final HeadingAnchors anchors = new HeadingAnchors();

    /** The safe form of {@code html}, a fragment for a page's body; relative addresses are dropped. */
    public String sanitize(String html) {
        return sanitize(html, null);
    }

    /** The same, with relative link and image addresses pointing under {@code relative} (null: dropped). */
    public String sanitize(String html, RelativeLinks relative) {
        Document dirty = Jsoup.parseBodyFragment(html);
        if (relative != null) {
            rebase(dirty, "a[href]", "href", relative.linkBase());
            rebase(dirty, "img[src]", "src", relative.imageBase());
        }
        Document clean = cleaner.clean(dirty);
        clean.outputSettings().prettyPrint(false);
        if (relative != null) {
            unbase(clean, "a[href]", "href");
            unbase(clean, "img[src]", "src");
        }
        keepOnlyLanguageClasses(clean);
        anchors.addTo(clean.body());
        return clean.body().html();
    }

    private static void rebase(Document document, String selector, String attribute, String base) {
        for (Element element : document.select(selector)) {
            String value = element.attr(attribute).strip();
            if (value.isEmpty() || NOT_RELATIVE.matcher(value).matches()) {
                continue;
            }
            try {
                URI resolved = URI.create(SITE + base).resolve(value);
                String fragment = resolved.getRawFragment();
                element.attr(attribute, SITE + resolved.getRawPath() + (fragment == null ? "" : "#" + fragment));
            } catch (IllegalArgumentException notAnAddress) {
                element.removeAttr(attribute);
            }
        }
    }

    private static void unbase(Document document, String selector, String attribute) {
        for (Element element : document.select(selector)) {
            String value = element.attr(attribute);
            if (value.startsWith(SITE + "/")) {
                element.attr(attribute, value.substring(SITE.length()));
            }
        }
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
