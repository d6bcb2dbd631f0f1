package dev.assay.server.index.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.testing.Browser;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestDistributions.Spec;
import dev.assay.server.testing.TestServer;

/** A project page in a real browser: hostile metadata stays text, Markdown renders, nothing runs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectPageBrowserTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String SUMMARY = "<script>window.pwned=1</script> a hostile summary";
    private static final String DESCRIPTION = """
            # Hostile demo

            - first item
            - second item

            <script>window.pwned=1</script>

            <img src=x onerror="window.pwned=1">

            [click](javascript:window.pwned=1)
            """;

    TestDatabase database;
    TestServer server;

    @BeforeAll
    void upload(@TempDir Path data, @TempDir Path build) throws Exception {
        database = TestDatabase.h2(data);
        server = TestServer.start(data, database);
        server.bean(AccountService.class).create(new NewUser("mallory", "mallory@example.org", "", PASSWORD, Set.of()));
        Spec spec = new Spec("hostile-demo", "1.0", List.of("Summary: " + SUMMARY,
                "Description-Content-Type: text/markdown"), DESCRIPTION);
        spec.upload(TestDistributions.wheel(build, spec), server.url(), "mallory", PASSWORD);
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
    void hostileDescriptionAndSummaryDoNotRunAndMarkdownRenders(@TempDir Path profile) {
        try (Browser browser = Browser.open(server.url(), profile)) {
            browser.go("project/hostile-demo/");

            Object pwned = ((JavascriptExecutor) browser.driver()).executeScript("return typeof window.pwned");
            assertThat(pwned).isEqualTo("undefined");
            assertThat(browser.find("#summary").getText()).isEqualTo(SUMMARY);
            assertThat(browser.find("#description h1").getText()).isEqualTo("Hostile demo");
            assertThat(browser.driver().findElements(By.cssSelector("#description li")))
                    .extracting(element -> element.getText()).containsExactly("first item", "second item");
            assertThat(browser.driver().findElements(By.cssSelector("#description script, #description [onerror]")))
                    .isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#description a[href^='javascript']"))).isEmpty();

            browser.go("/");
            assertThat(((JavascriptExecutor) browser.driver()).executeScript("return typeof window.pwned"))
                    .isEqualTo("undefined");
            assertThat(browser.find("#recent").getText()).contains(SUMMARY);
        }
    }
}
