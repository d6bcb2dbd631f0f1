package dev.assay.server.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.assay.server.testing.Browser;
import dev.assay.server.testing.ForgeFixture;

/** The Swagger UI page at /api/docs in a real browser, signed out: it loads the document and lists the API. */
class ApiDocsBrowserTest extends ForgeFixture {

    @Override
    protected String databaseKind() {
        return "h2";
    }

    @Test
    void swaggerUiRendersTheApiFromThisServerOnly(@TempDir Path profile) {
        try (Browser browser = Browser.open(server.url(), profile)) {
            browser.go("/api/docs");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
            wait.until(page -> !page.findElements(By.cssSelector(".opblock-tag")).isEmpty());

            assertThat(browser.find(".info .title").getText()).contains("Assay REST API");
            List<String> tags = browser.driver().findElements(By.cssSelector(".opblock-tag")).stream()
                    .map(WebElement::getText).toList();
            assertThat(String.join("\n", tags)).contains("Projects", "Change requests", "Package reviews");
            assertThat(browser.has(".auth-wrapper .authorize")).as("the Authorize button of HTTP Basic").isTrue();
            wait.until(page -> !page.findElements(By.cssSelector("[id^='operations-Accounts-']")).isEmpty());
            assertThat(browser.find("[id^='operations-Accounts-'] .opblock-summary-path").getText())
                    .startsWith("/api/v1/");
            Object outside = ((JavascriptExecutor) browser.driver()).executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name)"
                            + ".filter(n => !n.startsWith(arguments[0]))", server.url());
            assertThat((List<?>) outside).as("every script, style and document comes from this server").isEmpty();
        }
    }
}
