package dev.assay.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.testing.Browser;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestDistributions.Spec;
import dev.assay.server.testing.TestServer;

/** The header in a real browser: suggestions as one types, reached by keyboard; Explore; the user menu; 390 px. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NavigationBrowserTest {

    private static final String PASSWORD = "correct horse battery";

    TestDatabase database;
    TestServer server;

    @BeforeAll
    void upload(@TempDir Path data, @TempDir Path build) throws Exception {
        database = TestDatabase.h2(data);
        server = TestServer.start(data, database);
        server.bean(AccountService.class).create(new NewUser("alice", "alice@example.org", "", PASSWORD, Set.of()));
        for (Spec spec : List.of(new Spec("walk-alpha", "1.0", List.of("Summary: <b>first</b> of the walk"), "a"),
                new Spec("walk-beta", "1.0", List.of("Summary: Second"), "b"))) {
            spec.upload(TestDistributions.wheel(build, spec), server.url(), "alice", PASSWORD);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void typingSuggestsProjectsThatTheArrowKeysAndEnterOpen(@TempDir Path profile) {
        try (Browser browser = Browser.open(server.url(), profile)) {
            browser.go("/").type("header-q", "walk");
            List<WebElement> shown = waitFor(browser.driver(), "#header-suggestions a.suggestion:not(.all)", 2);
            assertThat(shown).extracting(WebElement::getText)
                    .containsExactly("walk-alpha <b>first</b> of the walk", "walk-beta Second");
            assertThat(browser.has("#header-suggestions b")).as("a summary's markup stays text").isFalse();

            browser.find("#header-q").sendKeys(Keys.ARROW_DOWN);
            browser.find("#header-suggestions a.suggestion:focus").sendKeys(Keys.ARROW_DOWN);
            assertThat(browser.find("#header-suggestions a:focus").getAttribute("href")).endsWith("/project/walk-beta/");
            WebElement page = browser.find("html");
            browser.find("#header-suggestions a:focus").sendKeys(Keys.ENTER);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/project/walk-beta/");
        }
    }

    @Test
    void enterInTheSearchBoxShowsEveryResultAndExploreListsTheProjects(@TempDir Path profile) {
        try (Browser browser = Browser.open(server.url(), profile)) {
            browser.go("/").type("header-q", "alpha");
            WebElement page = browser.find("html");
            browser.find("#header-q").sendKeys(Keys.ENTER);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
            assertThat(browser.driver().getCurrentUrl()).contains("/search?q=alpha");
            assertThat(browser.find("ol.hits").getText()).contains("walk-alpha");

            browser.clickAndWait("#nav-explore");
            assertThat(browser.find("h1").getText()).isEqualTo("Explore projects");
            browser.clickAndWait("#sort-recent");
            assertThat(browser.driver().findElements(By.cssSelector("ol.explored li a.name")))
                    .extracting(WebElement::getText).containsExactly("walk-beta", "walk-alpha");
        }
    }

    @Test
    void theUserMenuOpensClosesAndLogsOut(@TempDir Path profile) {
        try (Browser browser = Browser.open(server.url(), profile)) {
            browser.go("login").type("username", "alice").type("password", PASSWORD);
            browser.clickAndWait("form[action$='/login'] button");
            assertThat(browser.find("#menu-profile").isDisplayed()).isFalse();

            browser.find("#user-menu summary").click();
            assertThat(browser.find("#menu-profile").isDisplayed()).isTrue();
            browser.find("#user-menu summary").sendKeys(Keys.ESCAPE);
            assertThat(browser.find("#menu-profile").isDisplayed()).isFalse();

            browser.find("#user-menu summary").click();
            browser.clickAndWait("#menu-profile");
            assertThat(browser.find("#projects").getText()).contains("walk-alpha", "owner");
            browser.find("#user-menu summary").click();
            browser.clickAndWait("#user-menu form[action$='/logout'] button");
            assertThat(browser.has("#nav-login")).isTrue();
        }
    }

    @Test
    void atPhoneWidthTheHeaderFitsWithoutScrollingSideways(@TempDir Path profile) {
        try (Browser browser = Browser.open(server.url(), profile)) {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.go("explore");
            JavascriptExecutor script = (JavascriptExecutor) browser.driver();
            Number overflow = (Number) script.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
            for (String id : List.of("header-q", "nav-explore", "nav-login")) {
                WebElement element = browser.find("#" + id);
                assertThat(element.isDisplayed()).as(id).isTrue();
                assertThat(element.getRect().getX() + element.getRect().getWidth()).as(id).isLessThanOrEqualTo(390);
            }
        }
    }

    /** Waits until the selector matches this many elements (htmx answers asynchronously), and returns them. */
    private static List<WebElement> waitFor(WebDriver driver, String selector, int count) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(selector), count));
    }
}
