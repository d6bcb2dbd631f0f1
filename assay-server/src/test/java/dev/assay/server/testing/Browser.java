package dev.assay.server.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A headless Debian Chromium driven through Selenium with the system's chromedriver. */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Opens a browser for the server at this base URL; skips loudly (or fails in CI) without Chromium. */
    public static Browser open(String baseUrl, Path profileDirectory) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)";
            if (Boolean.parseBoolean(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            System.err.println("\n*** SKIPPING BROWSER TEST: " + why + " ***\n");
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profileDirectory.toAbsolutePath(), "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, baseUrl);
    }

    /** Navigates to a path of the server. */
    public Browser go(String path) {
        driver.get(baseUrl + (path.startsWith("/") ? path.substring(1) : path));
        return this;
    }

    /** The first element matching a CSS selector. */
    public WebElement find(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    /** Whether an element matches a CSS selector. */
    public boolean has(String cssSelector) {
        return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    /**
     * Whether the element has left the document. Chromium answers a query on a node of a page being replaced
     * either "stale element" or, caught mid-navigation, "Node with given id does not belong to the document":
     * both mean it is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException detached) {
            if (String.valueOf(detached.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw detached;
        }
    }

    /** Clicks what the selector finds and waits until the page it leads to has replaced this one. */
    public Browser clickAndWait(String cssSelector) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector(cssSelector)).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(replaced -> isGone(page));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ready -> "complete".equals(
                ((JavascriptExecutor) ready).executeScript("return document.readyState")));
        return this;
    }

    /** Types into the field with this id, replacing what it held. */
    public Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Emulates the reader's colour scheme preference, {@code light} or {@code dark}, for the pages opened next. */
    public Browser colourScheme(String scheme) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "",
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        return this;
    }

    /** Emulates a screen this many CSS pixels wide and high (a phone when narrow: the page's viewport tag applies). */
    public Browser viewport(int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        return this;
    }

    /** Whether the page is wider than the viewport, so that the whole page scrolls sideways. */
    public boolean scrollsSideways() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth;");
    }

    /** The underlying driver, for what this wrapper does not offer. */
    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
