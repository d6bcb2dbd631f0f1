package dev.assay.server.upstream.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.assay.server.error.InvalidInputException;

/**
 * The upstreams the start-up configuration names ({@code ./assay serve --upstream URL}, {@code ASSAY_UPSTREAMS}),
 * in the order they are asked; a URL that is not usable, or one named twice, stops the start.
 */
@ConfigurationProperties("assay.upstream")
public record UpstreamSettings(@DefaultValue List<String> urls) {

    public UpstreamSettings {
        urls = List.copyOf(urls);
        parse(urls);
    }

    /** The configured upstreams, read and checked. */
    public List<UpstreamUrl> upstreams() {
        return parse(urls);
    }

    /** Reads the URLs of the start-up configuration, or says which one is wrong and why. */
    public static List<UpstreamUrl> parse(List<String> urls) {
        Set<String> seen = new HashSet<>();
        List<UpstreamUrl> parsed = urls.stream().filter(url -> url != null && !url.isBlank())
                .map(UpstreamSettings::parseConfigured).toList();
        for (UpstreamUrl upstream : parsed) {
            if (!seen.add(upstream.url())) {
                throw new InvalidInputException("The upstream " + upstream.url() + " is named twice in ASSAY_UPSTREAMS "
                        + "/ --upstream; name it once");
            }
        }
        return parsed;
    }

    private static UpstreamUrl parseConfigured(String url) {
        try {
            return UpstreamUrl.parse(url);
        } catch (InvalidInputException refused) {
            throw new InvalidInputException("ASSAY_UPSTREAMS / --upstream: " + refused.getMessage());
        }
    }
}
