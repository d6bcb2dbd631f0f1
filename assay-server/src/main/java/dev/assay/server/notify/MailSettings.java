package dev.assay.server.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Assay sends email ({@code assay.mail.*}): the SMTP server, its credentials, whether to require STARTTLS, the
 * sender address; how often the outbox is polled, how long the first retry waits (doubling, up to an hour) and
 * after how many attempts a mail is given up. With no host, email is off and the inbox still works.
 */
@ConfigurationProperties("assay.mail")
public record MailSettings(String host, @DefaultValue("25") int port, String user, String password,
        @DefaultValue("false") boolean tls, @DefaultValue("assay@localhost") String from,
        @DefaultValue("5s") Duration poll, @DefaultValue("30s") Duration retryDelay,
        @DefaultValue("10") int maxAttempts) {

    /** Whether an SMTP server is configured. */
    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", user=" + user + ", tls=" + tls + ", from=" + from + "]";
    }
}
