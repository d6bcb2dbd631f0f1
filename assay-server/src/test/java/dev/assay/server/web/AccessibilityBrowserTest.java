package dev.assay.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import dev.assay.server.testing.AxeCheck;
import dev.assay.server.testing.Browser;

/**
 * The main pages in a real browser, light and dark, on a desktop and a 390 px phone: axe-core finds no serious or
 * critical WCAG 2.1 AA violation (colour contrast included), nothing scrolls the whole page sideways, keyboard focus
 * is outlined, code in file views and diffs is coloured by language without losing its lines, numbers or anchors,
 * and health charts are drawn with a point and a tooltip per value, within a phone's width.
 */
class AccessibilityBrowserTest extends ShowcaseFixture {

    @Override
    protected String databaseKind() {
        return "h2";
    }

    @ParameterizedTest(name = "{0} scheme, {1} px wide")
    @CsvSource({"light, 1280", "dark, 1280", "light, 390", "dark, 390"})
    void mainPagesHaveNoSeriousAccessibilityViolations(String scheme, int width, @TempDir Path profile) {
        AxeCheck axe = AxeCheck.load();
        List<String> problems = new ArrayList<>();
        try (Browser browser = Browser.open(server.url(), profile)) {
            browser.viewport(width, 900).colourScheme(scheme);
            check(browser, axe, publicPages(), width, problems);
            logIn(browser, "olive");
            check(browser, axe, signedInPages(), width, problems);
        }
        assertThat(problems).as("accessibility problems, %s scheme, %d px", scheme, width).isEmpty();
    }

    private static void check(Browser browser, AxeCheck axe, List<Page> pages, int width, List<String> problems) {
        for (Page page : pages) {
            browser.go(page.path());
            axe.violations(browser).forEach(violation -> problems.add(page.name() + ": " + violation));
            if (width < 600 && browser.scrollsSideways()) {
                problems.add(page.name() + ": the whole page scrolls sideways at " + width + " px");
            }
        }
    }

    @Test
    void darkSchemeDarkensThePage(@TempDir Path profile) {
        try (Browser browser = Browser.open(server.url(), profile)) {
            browser.colourScheme("light").go("");
            String light = background(browser);
            browser.colourScheme("dark").go("");
            assertThat(background(browser)).isNotEqualTo(light).isEqualTo("rgb(15, 19, 24)");
            assertThat(light).isEqualTo("rgb(250, 251, 252)");
        }
    }

    @Test
    void keyboardFocusIsOutlined(@TempDir Path profile) {
        try (Browser browser = Browser.open(server.url(), profile)) {
            browser.go("search?q=demo");
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            JavascriptExecutor page = (JavascriptExecutor) browser.driver();
            assertThat(page.executeScript("return document.activeElement.tagName")).isEqualTo("A");
            assertThat(page.executeScript("var s = getComputedStyle(document.activeElement);"
                    + " return s.outlineStyle + ' ' + s.outlineWidth")).isEqualTo("solid 3px");
        }
    }

    @Test
    void sourceFileAndDiffsAreHighlightedByLanguageKeepingLinesAndAnchors(@TempDir Path profile) {
        try (Browser browser = Browser.open(server.url(), profile)) {
            browser.go("project/" + PROJECT + "/source/blob/main/demo_kit/core.py#L10");

            assertThat(browser.find("#file-lines").getAttribute("data-highlighted")).isEqualTo("python");
            assertThat(browser.find("#L10 .hljs-keyword").getText()).isEqualTo("def");
            assertThat(browser.find("#L10 code").getText()).isEqualTo("def mean(values, precision=DEFAULT_PRECISION):");
            assertThat(browser.find("#L3 code .hljs-string").getText())
                    .as("a docstring's middle line is coloured as the string it is part of")
                    .isEqualTo("Kept in one module so the demo stays short.");
            assertThat(browser.find("#L13 .hljs-comment").getText()).isEqualTo("# say what to fix");
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#file-lines tr")))
                    .hasSize(CORE.split("\n").length);
            assertThat(((JavascriptExecutor) browser.driver())
                    .executeScript("return document.querySelector(':target').id")).isEqualTo("L10");

            browser.go("project/" + PROJECT + "/source/commit/" + commit);
            String diff = "article[data-path='demo_kit/core.py'] ";
            assertThat(browser.find(diff + "tr.context .hljs-keyword").getText())
                    .as("a hunk starting at a docstring's end does not colour the lines after it as a string")
                    .isEqualTo("import");
            assertThat(browser.find(diff + "tr.added .hljs-keyword").getText()).isEqualTo("def");
            assertThat(browser.find(diff + "tr.removed code").getText()).isEqualTo("DEFAULT_PRECISION = 3");

            browser.go("project/" + PROJECT + "/source/commit/" + commit + "?view=split");
            assertThat(browser.find(diff + "td.text.new.added .hljs-keyword").getText())
                    .as("the side-by-side view is coloured too").isEqualTo("def");
            assertThat(browser.find(diff + "td.text.old.removed code").getText()).isEqualTo("DEFAULT_PRECISION = 3");

            browser.go("project/" + PROJECT + "/source/blob/main/pyproject.toml");
            assertThat(browser.find("#file-lines").getAttribute("data-highlighted")).isEqualTo("ini");
            assertThat(browser.find("#L1 .hljs-section").getText()).isEqualTo("[project]");

            browser.go("project/" + PROJECT + "/1.1/contents/wheel/py3-none-any/demo_kit/__init__.py");
            assertThat(browser.find("#L1 .hljs-string").getText()).isEqualTo("'1.1'");

            logIn(browser, "olive");
            browser.go("changes/" + change);
            assertThat(browser.find(diff + "tr.added .hljs-title").getText()).isEqualTo("median");
            assertThat(browser.has("#line-0-new-7")).as("line number links stay").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"project/chart-kit/", "project/chart-kit/pipelines"})
    void healthChartsAreDrawnWithTheirPointsAndTooltipsAndFitAPhone(String path, @TempDir Path profile) {
        try (Browser browser = Browser.open(server.url(), profile)) {
            browser.viewport(390, 900).colourScheme("dark").go(path);
            JavascriptExecutor page = (JavascriptExecutor) browser.driver();

            WebElement tests = browser.find("#health-releases-tests svg");
            assertThat(tests.isDisplayed()).isTrue();
            assertThat(tests.getSize().getWidth()).isPositive();
            assertThat(tests.getSize().getHeight()).isPositive();
            int releases = CHARTED_RELEASES.size();
            assertThat(tests.findElements(By.cssSelector("circle.point"))).as("passed, failed and skipped per release")
                    .hasSize(3 * releases);
            assertThat(browser.driver().findElements(By.cssSelector("#health-releases-coverage circle.point")))
                    .hasSize(releases);
            String tooltip = (String) page.executeScript("return document.querySelector("
                    + "'#health-releases-coverage circle.point:last-of-type title').textContent");
            assertThat(page.executeScript("return getComputedStyle(document.querySelector("
                    + "'#health-releases-tests .chart-tick')).fill")).as("tick labels take the dark scheme's muted text")
                    .isEqualTo("rgb(163, 172, 186)");
            assertThat(tooltip).startsWith("1.2 · coverage: 81% · pipeline " + chartedPipeline + ", ");
            for (WebElement chart : browser.driver().findElements(By.cssSelector("#health figure.chart"))) {
                Number right = (Number) page.executeScript(
                        "return arguments[0].getBoundingClientRect().right", chart);
                assertThat(right.doubleValue()).as("the right edge of %s", chart.getAttribute("id"))
                        .isLessThanOrEqualTo(390);
            }
            assertThat(browser.scrollsSideways()).as("the whole page scrolls sideways").isFalse();
        }
    }

    private static String background(Browser browser) {
        return (String) ((JavascriptExecutor) browser.driver())
                .executeScript("return getComputedStyle(document.body).backgroundColor");
    }
}
