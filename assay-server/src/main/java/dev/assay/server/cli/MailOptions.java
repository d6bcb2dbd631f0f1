package dev.assay.server.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * How the server sends email and links back to itself; each option also comes from its environment variable, and
 * the SMTP password from the environment only (so it stays out of {@code ps}).
 */
final class MailOptions {

    @Option(names = "--smtp-host", paramLabel = "HOST", defaultValue = "${env:ASSAY_SMTP_HOST}",
            description = "SMTP server for notification, verification and password-reset mail (env ASSAY_SMTP_HOST; "
                    + "none: email is off).")
    String host;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "${env:ASSAY_SMTP_PORT}",
            description = "SMTP port (env ASSAY_SMTP_PORT, default 25).")
    Integer port;

    @Option(names = "--smtp-user", paramLabel = "USER", defaultValue = "${env:ASSAY_SMTP_USER}",
            description = "SMTP user; its password comes from env ASSAY_SMTP_PASSWORD (env ASSAY_SMTP_USER).")
    String user;

    @Option(names = "--smtp-tls", arity = "1", paramLabel = "true|false", defaultValue = "${env:ASSAY_SMTP_TLS}",
            description = "Require STARTTLS (env ASSAY_SMTP_TLS, default false).")
    Boolean tls;

    @Option(names = "--smtp-from", paramLabel = "ADDRESS", defaultValue = "${env:ASSAY_SMTP_FROM}",
            description = "Sender address (env ASSAY_SMTP_FROM, default assay@localhost).")
    String from;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "${env:ASSAY_BASE_URL}",
            description = "The server's address as people reach it, for links in mail "
                    + "(env ASSAY_BASE_URL, default http://localhost:8080).")
    String baseUrl;

    /** The Spring properties of the options given; an option left out keeps the property's default. */
    Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        putIfPresent(properties, "assay.mail.host", host);
        putIfPresent(properties, "assay.mail.port", port);
        putIfPresent(properties, "assay.mail.user", user);
        putIfPresent(properties, "assay.mail.password", System.getenv("ASSAY_SMTP_PASSWORD"));
        putIfPresent(properties, "assay.mail.tls", tls);
        putIfPresent(properties, "assay.mail.from", from);
        putIfPresent(properties, "assay.base-url", baseUrl);
        return properties;
    }

    private static void putIfPresent(Map<String, Object> properties, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            properties.put(name, value);
        }
    }
}
