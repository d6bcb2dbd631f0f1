package dev.assay.server.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.assay.server.notify.OutboxRepository.PendingMail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the outbox's mail in the background, one at a time: each mail is claimed first (so that several servers
 * sharing the database never send it twice), marked sent when the SMTP server accepted it, retried after a delay
 * that doubles with every failure, and given up after {@link MailSettings#maxAttempts()} with an error logged and
 * the {@code assay.mail.failed} counter raised.
 */
@Component
@ConditionalOnWebApplication
class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration MAX_DELAY = Duration.ofHours(1);
    private static final int BATCH = 50;

    private final OutboxRepository outbox;
    private final JavaMailSender mailSender;
    private final MailSettings settings;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;

    OutboxSender(OutboxRepository outbox, JavaMailSender mailSender, MailSettings settings, Clock clock,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.settings = settings;
        this.clock = clock;
        this.sent = Counter.builder("assay.mail.sent").description("Mail the SMTP server accepted").register(meters);
        this.failed = Counter.builder("assay.mail.failed").description("Mail given up after every attempt failed")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${assay.mail.poll:5s}", initialDelayString = "${assay.mail.poll:5s}")
    void sendDue() {
        if (!settings.enabled()) {
            return;
        }
        try {
            List<PendingMail> due = outbox.due(clock.instant(), BATCH);
            for (PendingMail mail : due) {
                if (outbox.claim(mail, clock.instant().plus(LEASE))) {
                    send(mail);
                }
            }
        } catch (RuntimeException failure) {
            // the database may be briefly unavailable; the next poll tries again
            LOG.warn("sending mail stopped: {}", failure.toString());
        }
    }

    private void send(PendingMail mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(mail.recipient());
        message.setSubject(mail.subject());
        message.setText(mail.body());
        try {
            mailSender.send(message);
            outbox.sent(mail.id(), clock.instant());
            sent.increment();
        } catch (MailException failure) {
            failedOnce(mail, failure);
        }
    }

    private void failedOnce(PendingMail mail, MailException failure) {
        int attempts = mail.attempts() + 1;
        String error = truncate(failure.toString());
        if (attempts >= settings.maxAttempts()) {
            LOG.error("mail {} to {} given up after {} attempts: {}", mail.id(), mail.recipient(), attempts, error);
            outbox.givenUp(mail.id(), error, clock.instant());
            failed.increment();
        } else {
            LOG.warn("mail {} to {} failed (attempt {} of {}): {}", mail.id(), mail.recipient(), attempts,
                    settings.maxAttempts(), error);
            outbox.retryLater(mail.id(), error, clock.instant().plus(delay(attempts)));
        }
    }

    /** The configured delay after the first failure, doubling up to an hour. */
    Duration delay(int attempts) {
        Duration delay = settings.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
