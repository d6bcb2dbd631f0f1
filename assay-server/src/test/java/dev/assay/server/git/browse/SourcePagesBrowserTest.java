package dev.assay.server.git.browse;

import static dev.assay.server.git.browse.SourceFixture.HOSTILE;
import static dev.assay.server.git.browse.SourceFixture.HOSTILE_FILE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import dev.assay.server.config.AssayProperties;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.testing.Browser;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/** The file and commit pages in a real browser: hostile file content is shown as text and never runs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourcePagesBrowserTest {

    TestDatabase database;
    TestServer server;
    SourceFixture repo;

    @BeforeAll
    void buildRepository(@TempDir Path data, @TempDir Path scratch) throws Exception {
        database = TestDatabase.h2(data);
        server = TestServer.start(data, database);
        server.bean(ProjectRepository.class).insert("demo-project", "demo-project", Instant.now());
        repo = SourceFixture.build(server.bean(AssayProperties.class).gitDirectory().resolve("demo-project.git"),
                scratch);
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
    void filePageShowsScriptAsTextAndTargetsTheAnchoredLine(@TempDir Path profile) {
        try (Browser browser = Browser.open(server.url(), profile)) {
            browser.go("project/demo-project/source/blob/main/" + HOSTILE_FILE + "#L3");

            assertThat(pwned(browser)).isEqualTo("undefined");
            assertThat(browser.find("#L1 code").getText()).isEqualTo(HOSTILE);
            assertThat(browser.find("#L3 code").getText()).isEqualTo("<script>window.pwned=1</script>");
            assertThat(browser.driver().findElements(By.cssSelector("#file-lines script, #file-lines b"))).isEmpty();
            assertThat(((JavascriptExecutor) browser.driver())
                    .executeScript("return document.querySelector(':target').id")).isEqualTo("L3");
        }
    }

    @Test
    void commitPageShowsTheHostileDiffAsTextWithItsCounts(@TempDir Path profile) {
        try (Browser browser = Browser.open(server.url(), profile)) {
            browser.go("project/demo-project/source/commit/" + repo.hostileCommit);

            assertThat(pwned(browser)).isEqualTo("undefined");
            assertThat(browser.find("#subject").getText()).isEqualTo("Add a page with " + HOSTILE + " & friends");
            String hostile = "article[data-path='" + HOSTILE_FILE + "']";
            assertThat(browser.find(hostile + " tr.added code").getText()).isEqualTo(HOSTILE);
            assertThat(browser.find(hostile + " h3 .added").getText()).isEqualTo("+3");
            assertThat(browser.driver().findElements(By.cssSelector("#diff script, #diff b"))).isEmpty();
            assertThat(browser.find("article[data-path='assets/logo.bin'] .binary").getText()).contains("Binary");

            browser.clickAndWait("#parents a.parent");
            assertThat(browser.find("#subject").getText()).isEqualTo("Initial import");
        }
    }

    private static Object pwned(Browser browser) {
        return ((JavascriptExecutor) browser.driver()).executeScript("return typeof window.pwned");
    }
}
