package dev.assay.server.review.packagereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

import dev.assay.server.testing.Browser;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;

/**
 * A package review from first upload to install, as its people live it: carol uploads a new project with twine and
 * it is held (pip cannot install it, {@code /simple/} does not list it); rita, a reviewer but no sponsor, cannot
 * approve a first package; spencer, a sponsor, takes it in the browser and comments on two lines of a file of the
 * sdist; carol replies and uploads a fix, iteration 2, where the thread on the unchanged line follows it and the one
 * on the changed line is outdated; spencer resolves both and approves; pip installs the release.
 */
abstract class ReviewJourneyContract extends ReviewFixture {

    private static final String FIRST = """
            def add(a, b):
                return a + b


            def sub(a, b):
                return a + b
            """;
    private static final String FIXED = """
            def add(a, b):
                return a + b


            def sub(a, b):
                return a - b
            """;

    @Test
    void aNewPackageIsHeldReviewedInlineThroughTwoIterationsApprovedAndInstalled(@TempDir Path temporary) {
        String project = unique("journeycalc");
        String module = project.replace('-', '_');
        String file = "sdist/" + module + "/core.py";
        Path python = PythonTools.newVirtualEnvironment(temporary.resolve("venv"));

        upload(temporary, project, "1.0", FIRST);
        assertHeld(project, python);
        long review = reviewOf(project, "carol");

        HttpResponse<String> ritaTakes = act(api("rita"), review, "take", null);
        assertThat(ritaTakes.statusCode()).as(ritaTakes.body()).isEqualTo(200);
        HttpResponse<String> refused = act(api("rita"), review, "approve", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("sponsors");

        long lineOneThread;
        long lineSixThread;
        try (Browser browser = Browser.open(server.url(), temporary.resolve("spencer-profile"))) {
            logIn(browser, "spencer");
            browser.go("reviews/" + review);
            assertThat(browser.has("#action-approve")).as("approve is offered before taking").isFalse();
            browser.clickAndWait("#action-take button");
            assertThat(browser.find("#review-flag").getText()).isEqualTo("?");
            assertThat(browser.find("#review-reviewer").getText()).isEqualTo("spencer");

            browser.clickAndWait("#browse-iteration-1");
            browser.clickAndWait("tr.entry[data-path='" + file + "'] a");
            lineOneThread = commentOnLine(browser, 1, "Please add a docstring.");
            lineSixThread = commentOnLine(browser, 6, "`sub` **adds**: a bug?");
        }

        HttpResponse<String> reply = api("carol").post("api/v1/reviews/" + review + "/threads/" + lineSixThread
                + "/comments", "{\"body\":\"Indeed, fixed in 1.1, @spencer.\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        upload(temporary, project, "1.1", FIXED);
        JsonNode detail = detail("spencer", review);
        assertThat(detail.get("iterations")).hasSize(2);

        try (Browser browser = Browser.open(server.url(), temporary.resolve("spencer-profile-2"))) {
            logIn(browser, "spencer");
            browser.go("reviews/" + review + "/conversation/file?iteration=2&path=" + file);
            assertThat(browser.find("#L1 article.thread").getAttribute("data-thread"))
                    .isEqualTo(Long.toString(lineOneThread));
            assertThat(browser.has("#L6 article.thread")).as("the changed line's thread is not carried").isFalse();
            browser.go("reviews/" + review + "/conversation?iteration=2");
            assertThat(browser.find("#outdated-threads article.thread").getAttribute("data-thread"))
                    .isEqualTo(Long.toString(lineSixThread));
            assertThat(browser.find("#outdated-threads .comment:nth-of-type(2) .comment-body").getText())
                    .contains("fixed in 1.1");

            browser.go("reviews");
            assertThat(browser.find("#review-" + review + " td.unresolved").getText()).isEqualTo("2");
            browser.go("reviews/" + review);
            assertThat(browser.find("#unresolved-count").getText()).isEqualTo("2");
            browser.clickAndWait("#iteration-2 a.iteration-changes");
            assertThat(browser.find("article.file-diff[data-path='" + file + "']").getAttribute("data-change"))
                    .isEqualTo("changed");
            browser.go("reviews/" + review);
            resolve(browser, lineOneThread);
            resolve(browser, lineSixThread);
            browser.go("reviews/" + review);
            assertThat(browser.find("#unresolved-count").getText()).isEqualTo("0");
            browser.clickAndWait("#action-approve button");
            assertThat(browser.find("#review-flag").getText()).isEqualTo("+");
            assertThat(browser.find("#review-state").getText()).isEqualTo("approved");
        }

        PythonTools.Outcome installed = PythonTools.pipInstall(python, server.url() + "simple/", project);
        assertThat(installed.exitCode()).as(installed.output()).isZero();
        assertThat(installed.output()).contains("Successfully installed " + project + "-1.1");
        assertThat(anonymous().get("simple/").body()).contains(">" + project + "<");
        String carolsPage = anonymous().get("users/carol").body();
        assertThat(carolsPage).contains("Sponsored by <a href=\"/users/spencer\">spencer</a>");
        assertThat(carolsPage).contains("#" + review + " " + project);
    }

    private void upload(Path temporary, String project, String version, String core) {
        PythonDistributions.Built built = PythonDistributions.build(temporary.resolve("build-" + version),
                PythonDistributions.Spec.of(project, version)
                        .withFiles(Map.of(project.replace('-', '_') + "/core.py", core)));
        PythonTools.twineUpload(server.url(), "carol", PASSWORD, built.sdist(), built.wheel()).assertSucceeded();
    }

    private void assertHeld(String project, Path python) {
        PythonTools.Outcome refused = PythonTools.pipInstall(python, server.url() + "simple/", project);
        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("No matching distribution found for " + project);
        assertThat(anonymous().get("simple/").body()).doesNotContain(project);
        assertThat(anonymous().get("simple/" + project + "/").statusCode()).isEqualTo(404);
    }

    /** Clicks the line number, writes the comment in the box that opens in place, and returns the new thread's id. */
    private static long commentOnLine(Browser browser, int line, String body) {
        browser.find("#L" + line + " a.line-number").click();
        waitFor(browser, "#comment-box-" + line + " textarea#comment-body-" + line);
        browser.type("comment-body-" + line, body);
        browser.find("#comment-box-" + line + " .comment-submit").click();
        waitFor(browser, "#L" + line + " article.thread");
        return Long.parseLong(browser.find("#L" + line + " article.thread").getAttribute("data-thread"));
    }

    private static void resolve(Browser browser, long thread) {
        browser.find("#thread-" + thread + " .resolve-thread").click();
        waitFor(browser, "#thread-" + thread + ".resolved");
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
