package dev.assay.server.index.description;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;

/**
 * Gives every heading an id for links to it, made from its text as GitHub does and prefixed
 * {@code user-content-} so it cannot clash with the page's own ids.
 */
final class HeadingAnchors {

    static final String PREFIX = "user-content-";
    private static final int MAX_SLUG_LENGTH = 80;

    /** Sets a unique id on each heading inside {@code root}, replacing any it had. */
    void addTo(Element root) {
        Set<String> used = new HashSet<>();
        Map<String, Integer> nextSuffix = new HashMap<>();
        for (Element heading : root.select("h1, h2, h3, h4, h5, h6")) {
            heading.attr("id", PREFIX + unique(slug(heading.text()), used, nextSuffix));
        }
    }

    // Remembering each slug's next suffix keeps a thousand equal headings linear, not quadratic.
    private static String unique(String slug, Set<String> used, Map<String, Integer> nextSuffix) {
        String candidate = slug;
        int n = nextSuffix.getOrDefault(slug, 1);
        while (!used.add(candidate)) {
            candidate = slug + "-" + n++;
        }
        nextSuffix.put(slug, n);
        return candidate;
    }

    /** GitHub's rule: lower case, drop punctuation, spaces become hyphens. */
    static String slug(String text) {
        StringBuilder slug = new StringBuilder();
        String lower = text.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length() && slug.length() < MAX_SLUG_LENGTH; ) {
            int c = lower.codePointAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
            i += Character.charCount(c);
        }
        return slug.toString();
    }
}
