package dev.assay.server.review.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.assay.server.testing.Browser;

/**
 * Inline comments in a real browser with htmx: click a line number, the box opens in place, the written
 * comment appears as a thread; reply (completing an @name), resolve; hostile text never runs.
 */
class ConversationBrowserTest extends ThreadFixture {

    @Override
    String databaseKind() {
        return "h2";
    }

    @Test
    void commentOnALineReplyAndResolveInPlace(@TempDir Path profile) {
        long review = reviewWith(List.of("def add(a, b):", "    return a + b", "<script>window.pwned=1</script>"));
        try (Browser browser = Browser.open(server.url(), profile)) {
            logIn(browser, "olive");
            browser.go("reviews/" + review + "/conversation/file?iteration=1&path=sdist/calc.py");

            browser.find("#L2 a.line-number").click();
            waitFor(browser, "#comment-box-2 textarea#comment-body-2");
            browser.type("comment-body-2", "Should this **check** types?");
            browser.find("#comment-box-2 .comment-submit").click();
            waitFor(browser, "#L2 article.thread .comment-body strong");

            String thread = "#L2 article.thread";
            long id = Long.parseLong(browser.find(thread).getAttribute("data-thread"));
            browser.type("reply-" + id, "Asking @spe");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ready -> ready
                    .findElements(By.cssSelector(thread + " ul.mention-choices li")).stream()
                    .map(item -> item.getText()).toList().equals(List.of("@spencer")));
            new org.openqa.selenium.interactions.Actions(browser.driver())
                    .click(browser.find(thread + " ul.mention-choices li")).perform();
            assertThat(browser.find("#reply-" + id).getAttribute("value")).isEqualTo("Asking @spencer ");
            browser.find(thread + " .reply-submit").click();
            waitFor(browser, thread + " .comment:nth-of-type(2) a.mention");

            browser.find(thread + " .resolve-thread").click();
            waitFor(browser, "#L2 article.thread.resolved");

            assertThat(browser.find(thread + " .comment-body strong").getText()).isEqualTo("check");
            assertThat(browser.find(thread + " a.mention").getAttribute("href")).endsWith("/users/spencer");
            assertThat(browser.find("#L3 code").getText()).isEqualTo("<script>window.pwned=1</script>");
            assertThat(((JavascriptExecutor) browser.driver()).executeScript("return typeof window.pwned"))
                    .isEqualTo("undefined");
        }
        assertThat(ok(owner.get(threads(review))).get("threads").get(0).get("resolved").asBoolean()).isTrue();
        assertThat(ok(owner.get(threads(review))).get("threads").get(0).get("comments")).hasSize(2);
    }

    private void logIn(Browser browser, String user) {
        browser.go("login").type("username", user).type("password", PASSWORD);
        browser.clickAndWait("form[action$='/login'] button[type=submit]");
    }

    private static void waitFor(Browser browser, String selector) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(selector)));
    }
}
