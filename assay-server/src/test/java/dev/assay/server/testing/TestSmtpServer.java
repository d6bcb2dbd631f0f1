package dev.assay.server.testing;

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
public final class TestSmtpServer implements AutoCloseable {

    /** A mail as received. */
    public record Received(List<String> to, String subject, String body) {
    }

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final int port;
    private GreenMail greenMail;

    private TestSmtpServer(GreenMail started) {
        this.greenMail = started;
        this.port = started.getSmtp().getPort();
    }

    public static TestSmtpServer start() {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        return new TestSmtpServer(greenMail);
    }

    public int port() {
        return port;
    }

    public void stop() {
        greenMail.stop();
    }

    /** Starts again on the same port, with an empty mailbox. */
    public void restart() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** The first mail to this address, waiting a bounded while for it. */
    public Received awaitMailTo(String address) {
        return awaitMailTo(address, "");
    }

    /** The first mail to this address whose subject contains {@code subjectPart}, waiting a bounded while for it. */
    public Received awaitMailTo(String address, String subjectPart) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                Received mail = received(message);
                if (mail.to().contains(address) && mail.subject().contains(subjectPart)) {
                    return mail;
                }
            }
            greenMail.waitForIncomingEmail(200, greenMail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail to " + address + " about '" + subjectPart + "' arrived");
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
