package dev.assay.server.review.thread.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Finding a suggestion block in a comment and showing it as a diff of the thread's line. */
class SuggestionTest {

    @Test
    void findsTheFirstSuggestionBlockItsLinesAndAnEmptyOne() {
        assertThat(Suggestion.in("Try:\r\n```suggestion\r\nY = 42\r\n  # why\r\n```\r\n```suggestion\nno\n```"))
                .contains(new Suggestion(List.of("Y = 42", "  # why")));
        assertThat(Suggestion.in("Drop it:\n~~~~ suggestion\n~~~~\n")).contains(new Suggestion(List.of()));
        assertThat(Suggestion.in("```suggestion\nunclosed\n")).contains(new Suggestion(List.of("unclosed")));
        assertThat(Suggestion.in("````suggestion\n```\n````")).contains(new Suggestion(List.of("```")));
    }

    @Test
    void otherCodeBlocksAreNoSuggestion() {
        assertThat(Suggestion.in("```python\nY = 1\n```")).isEmpty();
        assertThat(Suggestion.in("a ```suggestion inline")).isEmpty();
        assertThat(Suggestion.in(null)).isEmpty();
    }

    @Test
    void showsTheLineRemovedAndTheSuggestedLinesAddedAsEscapedText() {
        String html = "<p>Try:</p><pre><code class=\"language-suggestion\">&lt;b&gt;\n</code></pre><p>after</p>";

        String shown = SuggestionDiff.render(html, new Suggestion(List.of("<b>bold</b>", "two")), "<i>old</i>");

        Document document = Jsoup.parseBodyFragment(shown);
        assertThat(document.select(".suggestion tr.removed code").text()).isEqualTo("<i>old</i>");
        assertThat(document.select(".suggestion tr.added code").eachText()).containsExactly("<b>bold</b>", "two");
        assertThat(document.select("b, i")).isEmpty();
        assertThat(document.select("pre")).isEmpty();
        assertThat(document.select("p").eachText()).containsExactly("Try:", "Suggested change", "after");
    }
}
