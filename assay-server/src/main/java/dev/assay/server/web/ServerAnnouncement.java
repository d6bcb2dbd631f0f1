package dev.assay.server.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.assay.server.config.AssayProperties;

/**
 * Tells the person who ran {@code assay serve} where to point a browser, pip and twine; with JSON logs, in one log
 * line, so that standard output stays JSON lines only.
 */
@Component
class ServerAnnouncement {

    private static final Logger LOG = LoggerFactory.getLogger(ServerAnnouncement.class);

    private final AssayProperties properties;
    private final boolean structuredLogs;

    ServerAnnouncement(AssayProperties properties, Environment environment) {
        this.properties = properties;
        this.structuredLogs = environment.containsProperty("logging.structured.format.console");
    }

    @EventListener
    void announce(WebServerInitializedEvent event) {
        String url = "http://localhost:" + event.getWebServer().getPort() + "/";
        if (structuredLogs) {
            LOG.info("Assay is running at {} (data directory {})", url, properties.data());
            return;
        }
        System.out.println();
        System.out.println("Assay is running at " + url);
        System.out.println("  data directory: " + properties.data());
        System.out.println("  pip install --index-url " + url + "simple/ NAME");
        System.out.println();
    }
}
