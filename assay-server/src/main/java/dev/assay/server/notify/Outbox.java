package dev.assay.server.notify;

import java.time.Clock;

import org.springframework.stereotype.Service;

import dev.assay.server.error.InvalidInputException;

/**
 * Email to send, written in the caller's transaction and sent later by {@link OutboxSender}: a request never
 * waits for the SMTP server, and mail for an action that rolls back is never sent.
 */
@Service
public class Outbox {

    private static final int MAX_SUBJECT = 400;
    private static final int MAX_BODY = 8000;

    private final OutboxRepository outbox;
    private final MailSettings settings;
    private final SiteAddress site;
    private final Clock clock;

    Outbox(OutboxRepository outbox, MailSettings settings, SiteAddress site, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.site = site;
        this.clock = clock;
    }

    /** Whether an SMTP server is configured (with none, nothing is queued). */
    public boolean enabled() {
        return settings.enabled();
    }

    /** Refuses what needs email when none is configured, saying how to turn it on. */
    public void requireEnabled(String what) {
        if (!enabled()) {
            throw new InvalidInputException(what + " needs email, and this server has none configured: an "
                    + "administrator sets assay.mail.host (ASSAY_SMTP_HOST)");
        }
    }

    /** Queues {@code [Assay] headline} with the text and the absolute link to {@code path}; nothing when email is off. */
    public void send(String recipient, String headline, String text, String path) {
        if (!enabled()) {
            return;
        }
        String link = site.link(path);
        String body = (text.isBlank() ? "" : text.strip() + "\n\n") + link + "\n";
        if (body.length() > MAX_BODY) {
            body = text.substring(0, MAX_BODY - link.length() - 10) + "…\n\n" + link + "\n";
        }
        String subject = ("[Assay] " + headline).replaceAll("[\\r\\n]+", " ");
        outbox.insert(recipient, subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT),
                body, clock.instant());
    }
}
