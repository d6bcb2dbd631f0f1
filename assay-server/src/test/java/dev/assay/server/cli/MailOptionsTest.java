package dev.assay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The email options of {@code assay serve} become the {@code assay.mail.*} and {@code assay.base-url} properties. */
class MailOptionsTest {

    @Test
    void givenOptionsBecomeProperties() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--smtp-host", "smtp.example.org", "--smtp-port", "587", "--smtp-user",
                "assay", "--smtp-tls", "true", "--smtp-from", "assay@example.org", "--base-url",
                "https://assay.example.org");

        assertThat(serve.mail.springProperties()).containsAllEntriesOf(Map.of("assay.mail.host", "smtp.example.org",
                "assay.mail.port", 587, "assay.mail.user", "assay", "assay.mail.tls", true, "assay.mail.from",
                "assay@example.org", "assay.base-url", "https://assay.example.org"));
    }

    @Test
    void optionsLeftOutKeepTheDefaults() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();

        assertThat(serve.mail.springProperties()).doesNotContainKeys("assay.mail.port", "assay.mail.tls",
                "assay.mail.from");
    }
}
