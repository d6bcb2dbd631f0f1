package dev.assay.server.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import dev.assay.server.testing.Browser;

/**
 * Screenshots of the main pages for people reviewing the design, not a test: run by bench/screenshots.sh, which
 * names the folder in {@code -Dassay.screenshots}. Writes {@code <page>-<scheme>-<width>.png}, light and dark, on a
 * 1280 px desktop and a 390 px phone, each as long as its page (up to 4000 px).
 */
@EnabledIfSystemProperty(named = ScreenshotsTest.FOLDER, matches = ".+")
class ScreenshotsTest extends ShowcaseFixture {

    static final String FOLDER = "assay.screenshots";
    private static final int LONGEST = 4000;

    @Override
    protected String databaseKind() {
        return "h2";
    }

    @Test
    void writeScreenshotsOfTheMainPages(@TempDir Path profiles) throws IOException {
        Path folder = Files.createDirectories(Path.of(System.getProperty(FOLDER)));
        for (String scheme : List.of("light", "dark")) {
            for (int width : List.of(1280, 390)) {
                try (Browser browser = Browser.open(server.url(), profiles.resolve(scheme + width))) {
                    browser.viewport(width, 900).colourScheme(scheme);
                    shoot(browser, publicPages(), folder, scheme, width);
                    logIn(browser, "olive");
                    shoot(browser, signedInPages(), folder, scheme, width);
                }
            }
        }
        System.out.println("screenshots written to " + folder.toAbsolutePath());
    }

    private static void shoot(Browser browser, List<Page> pages, Path folder, String scheme, int width)
            throws IOException {
        for (Page page : pages) {
            browser.viewport(width, 900).go(page.path());
            long height = (Long) ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollHeight");
            browser.viewport(width, (int) Math.min(Math.max(height, 600), LONGEST));
            byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
            Files.write(folder.resolve(page.name() + "-" + scheme + "-" + width + ".png"), png);
        }
    }
}
