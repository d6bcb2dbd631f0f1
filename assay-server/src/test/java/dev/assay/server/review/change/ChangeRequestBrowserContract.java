package dev.assay.server.review.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

import dev.assay.server.testing.Browser;

/**
 * A change request made and merged in the browser: carol, who may not push to the project, edits a file on its
 * source page, which commits her edit to {@code users/carol/patch-1} and opens a change request; rita suggests a
 * change to one of its lines in a comment; max, a maintainer, applies the suggestion with one click (revision 2),
 * approves and merges; main then holds both carol's edit and the suggestion.
 */
abstract class ChangeRequestBrowserContract extends ChangeFixture {

    @Test
    void aContributorEditsInTheBrowserAndAMaintainerAppliesASuggestionAndMerges(@TempDir Path temporary) {
        String project = newProject("public");
        workTree(project, "unused");
        assertThat(send("PUT", "api/v1/projects/" + project + "/merge-gates/main", "olive", """
                {"requiredApprovals": 1, "requireResolved": true, "requireGreen": false,
                 "methods": ["merge", "squash", "fast-forward"], "keepVotes": false}""").statusCode()).isEqualTo(200);

        long number;
        try (Browser browser = Browser.open(server.url(), temporary.resolve("carol"))) {
            logIn(browser, "carol");
            browser.go("project/" + project + "/source/blob/main/calc.py");
            browser.clickAndWait("#edit-link");
            WebElement text = browser.find("#edit-form textarea[name=text]");
            text.clear();
            text.sendKeys(TEN_LINES.replace("line 5\n", "line five\n"));
            browser.find("#edit-form input[name=summary]").sendKeys("Spell out five");
            browser.clickAndWait("#propose");
            Matcher opened = Pattern.compile("/changes/(\\d+)$").matcher(browser.driver().getCurrentUrl());
            assertThat(opened.find()).as(browser.driver().getCurrentUrl()).isTrue();
            number = Long.parseLong(opened.group(1));
            assertThat(browser.find("#change-title").getText()).contains("Spell out five");
            assertThat(browser.find("#change-source").getText()).isEqualTo("users/carol/patch-1");
        }

        long thread;
        try (Browser browser = Browser.open(server.url(), temporary.resolve("rita"))) {
            logIn(browser, "rita");
            browser.go("changes/" + number);
            browser.find("#line-0-new-5").click();
            waitFor(browser, "#comment-box-5 textarea#comment-body-5");
            browser.find("#comment-body-5").sendKeys("Digits read better:\n```suggestion\nline 5 (five)\n```\n");
            browser.find("#comment-box-5 .comment-submit").click();
            waitFor(browser, "article.thread");
            thread = Long.parseLong(browser.find("article.thread").getAttribute("data-thread"));
        }

        try (Browser browser = Browser.open(server.url(), temporary.resolve("max"))) {
            logIn(browser, "max");
            browser.go("changes/" + number);
            assertThat(browser.find("#condition-threads-resolved").getText()).contains("not met");
            browser.clickAndWait("#thread-" + thread + " .apply-suggestion-button");
            assertThat(browser.has("#revision-2")).as("the suggestion is revision 2").isTrue();
            browser.clickAndWait("#vote-form button[value=approve]");
            assertThat(browser.find("#gate-summary").getText()).startsWith("Ready to merge");
            browser.clickAndWait("#merge-form button[type=submit]");
            assertThat(browser.find("#change-state").getText()).isEqualTo("merged");
        }

        JsonNode change = json("olive", "api/v1/changes/" + number);
        assertThat(change.get("author").asString()).isEqualTo("carol");
        assertThat(change.get("revisions")).hasSize(2);
        Path clone = scratch.resolve(project + "-merged");
        git.run(scratch, "clone", "-q", server.url() + "git/" + project + ".git", clone.toString()).succeeded();
        assertThat(git.run(clone, "show", "main:calc.py").succeeded().output())
                .isEqualTo(TEN_LINES.replace("line 5\n", "line 5 (five)\n"));
        assertThat(git.run(clone, "log", "--format=%s", "main").succeeded().output()).contains("Spell out five");
    }

    private static void logIn(Browser browser, String user) {
        browser.go("login").type("username", user).type("password", PASSWORD);
        browser.clickAndWait("form[action$='/login'] button[type=submit]");
    }

    private static void waitFor(Browser browser, String selector) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(selector)));
    }
}
