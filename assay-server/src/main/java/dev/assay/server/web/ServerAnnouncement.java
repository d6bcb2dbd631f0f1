package dev.assay.server.web;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.assay.server.config.AssayProperties;

/** Tells the person who ran {@code assay serve} where to point a browser, pip and twine. */
@Component
class ServerAnnouncement {

    private final AssayProperties properties;

    ServerAnnouncement(AssayProperties properties) {
        this.properties = properties;
    }

    @EventListener
    void announce(WebServerInitializedEvent event) {
        String url = "http://localhost:" + event.getWebServer().getPort() + "/";
        System.out.println();
        System.out.println("Assay is running at " + url);
        System.out.println("  data directory: " + properties.data());
        System.out.println("  pip install --index-url " + url + "simple/ NAME");
        System.out.println();
    }
}
