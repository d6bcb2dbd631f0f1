package dev.assay.server.git.push;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The server's address as people outside reach it ({@code assay.base-url}), for the links a push prints; when it
 * is not set, a push prints links to the address the push itself was sent to.
 */
@ConfigurationProperties("assay")
public record PushSite(String baseUrl) {

    /** The configured address without a trailing slash, or {@code requested} when none is configured. */
    String or(String requested) {
        String base = baseUrl == null || baseUrl.isBlank() ? requested : baseUrl.strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
