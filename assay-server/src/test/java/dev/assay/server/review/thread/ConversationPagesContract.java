package dev.assay.server.review.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.assay.server.testing.WebSession;

/**
 * The conversation pages without JavaScript: every action is a plain form that returns to the page, drafts stay
 * across reloads until published, forms carry CSRF; once per database.
 */
abstract class ConversationPagesContract extends ThreadFixture {

    @Test
    void lineNumberLeadsToAFormPageThatCommentsOnTheLine() {
        long review = reviewWith(List.of("a = 1", "b = <b>2</b>", "c = 3"));
        WebSession olive = signedIn("olive");
        String file = "reviews/" + review + "/conversation/file?iteration=1&path=sdist/calc.py";

        Element number = olive.page(file).selectFirst("#L2 a.line-number");
        String formPage = number.attr("href");
        HttpResponse<String> posted = olive.submit(formPage, "form.comment-box", Map.of("body", "Why **two**?"));

        assertThat(number.attr("hx-get")).contains("/conversation/box?");
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.uri().toString()).contains("/conversation/file?iteration=1");
        Document after = Jsoup.parse(posted.body());
        assertThat(after.select("#L2 .thread .comment-body strong").text()).isEqualTo("two");
        assertThat(after.select("#L2 code").first().text()).isEqualTo("b = <b>2</b>");
        assertThat(after.select("#L1 .thread, #L3 .thread")).isEmpty();
        assertThat(after.selectFirst("#unresolved-count").text()).isEqualTo("1");
    }

    @Test
    void replyResolveReopenAndTagThroughForms() {
        long review = review();
        long id = created(stranger.post(threads(review), general("Please explain."))).get("id").asLong();
        WebSession olive = signedIn("olive");
        String page = "reviews/" + review + "/conversation";
        String thread = "#thread-" + id;

        olive.submit(page, thread + " form.reply", Map.of("body", "Done, see @sam"));
        olive.submit(page, thread + " form.tags", Map.of("tags", "question"));
        HttpResponse<String> resolved = olive.submit(page, thread + " form.resolve", Map.of());

        Document shown = Jsoup.parse(resolved.body());
        assertThat(shown.select(thread + " .comment")).hasSize(2);
        assertThat(shown.select(thread + " a.mention").attr("href")).isEqualTo("/users/sam");
        assertThat(shown.select(thread + " .thread-tag").text()).isEqualTo("question");
        assertThat(shown.select(thread + ".resolved")).hasSize(1);
        assertThat(shown.selectFirst("#unresolved-count").text()).isEqualTo("0");
        Document reopened = Jsoup.parse(olive.submit(page, thread + " form.resolve", Map.of()).body());
        assertThat(reopened.select(thread + ".unresolved")).hasSize(1);
    }

    @Test
    void draftsSurviveAReloadAndArePublishedAtOnce() {
        long review = review();
        WebSession olive = signedIn("olive");
        String page = "reviews/" + review + "/conversation";

        olive.submit(page, "#general-comment", Map.of("body", "First thought", "draft", "true"));
        olive.submit(page, "#general-comment", Map.of("body", "Second thought", "draft", "true"));
        Document reloaded = olive.page(page);

        assertThat(reloaded.select(".comment.draft")).hasSize(2);
        assertThat(reloaded.selectFirst("#draft-count").text()).isEqualTo("2");
        assertThat(signedIn("sam").page(page).select(".comment")).isEmpty();

        olive.submit(page, "#publish-drafts", Map.of());

        Document published = signedIn("sam").page(page);
        assertThat(published.select(".comment")).extracting(Element::text)
                .anySatisfy(text -> assertThat(text).contains("First thought"));
        assertThat(published.select(".comment.draft")).isEmpty();
        assertThat(olive.page(page).select("#publish-drafts")).isEmpty();
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefused() {
        long review = review();
        WebSession olive = signedIn("olive");

        HttpResponse<String> forged = olive.post("reviews/" + review + "/conversation/threads", Map.of("body", "x"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ok(owner.get(threads(review))).get("threads")).isEmpty();
    }

    @Test
    void htmxGetsTheBoxAndTheRenderedThread() {
        long review = reviewWith(List.of("a = 1", "b = 2"));
        WebSession olive = signedIn("olive");
        Document file = olive.page("reviews/" + review + "/conversation/file?iteration=1&path=sdist/calc.py");
        String box = file.selectFirst("#L1 a.line-number").attr("hx-get");

        Document fragment = Jsoup.parseBodyFragment(olive.get(box).body());
        String token = fragment.selectFirst("input[name=_csrf]").attr("value");
        HttpResponse<String> answer = olive.postHtmx("reviews/" + review + "/conversation/threads",
                Map.of("_csrf", token, "iteration", "1", "path", "sdist/calc.py", "line", "1", "side", "new",
                        "body", "<script>alert(1)</script>Fine"));
        HttpResponse<String> outOfRange = olive.postHtmx("reviews/" + review + "/conversation/threads",
                Map.of("_csrf", token, "iteration", "1", "path", "sdist/calc.py", "line", "9", "body", "x"));

        assertThat(fragment.select("form#comment-box-1 textarea#comment-body-1")).hasSize(1);
        assertThat(answer.statusCode()).isEqualTo(200);
        Element thread = Jsoup.parseBodyFragment(answer.body()).selectFirst("article.thread");
        assertThat(thread.select("script")).isEmpty();
        assertThat(thread.selectFirst(".comment-body").text()).isEqualTo("Fine");
        assertThat(Jsoup.parseBodyFragment(outOfRange.body()).select("form.comment-box .problem").text())
                .contains("Line 9 is out of range: 'sdist/calc.py' has lines 1 to 2");
    }

    @Test
    void anonymousReadersSeeThreadsWithoutForms() {
        long review = review();
        created(owner.post(threads(review), general("Hello <img src=x onerror=alert(1)>")));

        Document page = new WebSession(server.url()).page("reviews/" + review + "/conversation");

        assertThat(page.select(".thread .comment")).hasSize(1);
        assertThat(page.select("form.reply, form.resolve, #general-comment, [onerror]")).isEmpty();
        assertThat(new WebSession(server.url()).get("reviews/999999/conversation").statusCode()).isEqualTo(404);
    }

    private WebSession signedIn(String user) {
        WebSession session = new WebSession(server.url());
        session.logIn(user, PASSWORD);
        return session;
    }
}
