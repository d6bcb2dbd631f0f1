package dev.assay.server.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) on a free port, which a test may stop and start again on the same port. */
final class SmtpServer implements AutoCloseable {

    /** A mail as received. */
    record Received(List<String> to, String subject, String body) {
    }

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final int port;
    private GreenMail greenMail;

    private SmtpServer(GreenMail started) {
        this.greenMail = started;
        this.port = started.getSmtp().getPort();
    }

    static SmtpServer start() {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        return new SmtpServer(greenMail);
    }

    int port() {
        return port;
    }

    void stop() {
        greenMail.stop();
    }

    /** Starts again on the same port, with an empty mailbox. */
    void restart() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** Waits (a bounded while) until {@code count} mails in all arrived, and returns every mail received. */
    List<Received> awaitMails(int count) {
        if (!greenMail.waitForIncomingEmail(WAIT.toMillis(), count)) {
            throw new AssertionError("expected " + count + " mails, got " + greenMail.getReceivedMessages().length);
        }
        List<Received> received = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            received.add(received(message));
        }
        return received;
    }

    /** The mail to this address, waiting a bounded while for it. */
    Received awaitMailTo(String address) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                Received mail = received(message);
                if (mail.to().contains(address)) {
                    return mail;
                }
            }
            greenMail.waitForIncomingEmail(200, greenMail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail to " + address + " arrived");
    }

    private static Received received(MimeMessage message) {
        try {
            List<String> to = new ArrayList<>();
            for (var address : message.getRecipients(Message.RecipientType.TO)) {
                to.add(address.toString());
            }
            return new Received(to, message.getSubject(), message.getContent().toString());
        } catch (MessagingException | java.io.IOException failure) {
            throw new AssertionError(failure);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
