package dev.assay.server.review.thread.comment;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Shows a comment's suggestion block as the change it makes: the thread's line removed, the suggested lines added.
 * Works on the sanitised HTML; every text goes in as text, so escaped.
 */
public final class SuggestionDiff {

    private SuggestionDiff() {
    }

    /** The comment's HTML with its first suggestion block shown as a diff of {@code line}. */
    public static String render(String html, Suggestion suggestion, String line) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        Element code = document.body().selectFirst("pre > code.language-suggestion");
        if (code == null) {
            return html;
        }
        Element box = new Element("div").addClass("suggestion");
        box.appendElement("p").addClass("suggestion-title").text("Suggested change");
        Element rows = box.appendElement("table").addClass("code diff-lines").appendElement("tbody");
        row(rows, "removed", "-", line);
        suggestion.lines().forEach(added -> row(rows, "added", "+", added));
        code.parent().replaceWith(box);
        return document.body().html().strip();
    }

    private static void row(Element rows, String kind, String sign, String text) {
        Element row = rows.appendElement("tr").addClass(kind);
        row.appendElement("td").addClass("sign").text(sign);
        row.appendElement("td").addClass("text").appendElement("code").text(text);
    }
}
