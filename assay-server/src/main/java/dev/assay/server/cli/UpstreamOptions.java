package dev.assay.server.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.assay.server.upstream.config.UpstreamSettings;
import picocli.CommandLine.Option;

/**
 * The upstream indexes named at start: {@code --upstream URL} (repeatable) or, when none is given, the
 * comma-separated {@code ASSAY_UPSTREAMS}; each becomes one {@code assay.upstream.urls[i]} property.
 */
final class UpstreamOptions {

    static final String ENVIRONMENT = "ASSAY_UPSTREAMS";

    @Option(names = "--upstream", paramLabel = "URL",
            description = "An upstream Simple Repository API answering the names this index does not host, e.g. "
                    + "https://pypi.org/simple/ (credentials as https://user:password@host/…); repeat it for more, "
                    + "asked in the given order (env ASSAY_UPSTREAMS, comma-separated).")
    List<String> upstreams = new ArrayList<>();

    /** The Spring properties of the upstreams given, checked first so that a bad URL stops the start at once. */
    Map<String, Object> springProperties(String environment) {
        List<String> urls = upstreams.isEmpty() && environment != null
                ? Arrays.stream(environment.split(",")).map(String::strip).filter(url -> !url.isEmpty()).toList()
                : upstreams;
        UpstreamSettings.parse(urls);
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < urls.size(); i++) {
            properties.put("assay.upstream.urls[" + i + "]", urls.get(i));
        }
        return properties;
    }
}
