package dev.assay.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.openqa.selenium.JavascriptExecutor;

import tools.jackson.databind.JsonNode;

/**
 * The axe-core accessibility engine (vendored as a test resource, axe/axe.min.js) run on the page a browser shows:
 * the WCAG 2.0 A and AA and 2.1 AA rules, colour contrast included.
 */
public final class AxeCheck {

    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                               resultTypes: ['violations']})
               .then(function (results) { done(JSON.stringify(results.violations)); },
                     function (error) { done(JSON.stringify({error: String(error)})); });
            """;
    private static final Set<String> GRAVE = Set.of("serious", "critical");

    private final String engine;

    private AxeCheck(String engine) {
        this.engine = engine;
    }

    /** Loads the vendored engine once; each {@link #violations} call injects it into the page. */
    public static AxeCheck load() {
        try (InputStream in = AxeCheck.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
            }
            return new AxeCheck(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The serious and critical violations on the page the browser shows, one line each: rule, impact, what to do,
     * and the elements concerned. Scripts run through the driver, so the page's Content-Security-Policy allows it.
     */
    public List<String> violations(Browser browser) {
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        page.executeScript(engine);
        JsonNode found = HttpApi.parse((String) page.executeAsyncScript(RUN));
        if (found.has("error")) {
            throw new IllegalStateException("axe-core failed: " + found.get("error").asString());
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode violation : found) {
            if (!GRAVE.contains(violation.path("impact").asString(""))) {
                continue;
            }
            for (JsonNode node : violation.path("nodes")) {
                lines.add(violation.path("id").asString() + " (" + violation.path("impact").asString() + "): "
                        + violation.path("help").asString() + " at " + node.path("target") + " - "
                        + node.path("failureSummary").asString("").replace('\n', ' '));
            }
        }
        return lines;
    }
}
