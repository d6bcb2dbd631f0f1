package dev.assay.server.notify;

import java.util.Properties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The SMTP client built from {@link MailSettings}, and the scheduling that runs the outbox sender. */
@Configuration
@EnableScheduling
class MailConfiguration {

    /** Bounded so that an unresponsive SMTP server holds the sender for seconds, never forever. */
    private static final String TIMEOUT_MILLIS = "20000";

    @Bean
    JavaMailSender assayMailSender(MailSettings settings) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setDefaultEncoding("UTF-8");
        if (settings.enabled()) {
            sender.setHost(settings.host());
            sender.setPort(settings.port());
        }
        boolean authenticated = settings.user() != null && !settings.user().isBlank();
        if (authenticated) {
            sender.setUsername(settings.user());
            sender.setPassword(settings.password());
        }
        Properties properties = sender.getJavaMailProperties();
        properties.setProperty("mail.smtp.auth", Boolean.toString(authenticated));
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.tls()));
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.tls()));
        properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        return sender;
    }
}
