package dev.assay.server.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The server's address as people outside reach it ({@code assay.base-url}), for the links sent by email. */
@ConfigurationProperties("assay")
public record SiteAddress(@DefaultValue("http://localhost:8080") String baseUrl) {

    /** The absolute link to a site path such as {@code /reviews/12}. */
    public String link(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
