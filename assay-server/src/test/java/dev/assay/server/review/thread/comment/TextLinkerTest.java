package dev.assay.server.review.thread.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Linking text in sanitised HTML: only plain text, escaped, and a backtracking pattern stopped by its budget. */
class TextLinkerTest {

    @Test
    void linksPlainTextButNotCodeOrLinks() {
        Element body = Jsoup.parseBodyFragment("<p>x1 <code>x2</code> <a href=\"/\">x3</a> <em>x4</em></p>").body();

        new TextLinker(10_000).link(body, Pattern.compile("x(\\d)"), match -> Optional.of("/n/" + match.group(1)), "n");

        assertThat(body.select("a.n")).extracting(Element::text).containsExactly("x1", "x4");
    }

    @Test
    void backtrackingPatternIsStoppedByItsBudget() {
        String text = "a".repeat(30) + "!";
        Element body = Jsoup.parseBodyFragment("<p>" + text + "</p>").body();

        boolean finished = new TextLinker(100_000).link(body, Pattern.compile("(.*a){12}b"),
                match -> Optional.of("/x"), "x");

        assertThat(finished).isFalse();
        assertThat(body.text()).isEqualTo(text);
    }
}
