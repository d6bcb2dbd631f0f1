package dev.assay.server.notify;

import static dev.assay.server.notify.NoticeFixture.notice;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.assay.server.accounts.User;
import dev.assay.server.index.Project;
import dev.assay.server.review.Discussion;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.TestSmtpServer;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Notifications by email through the outbox, against a real SMTP server the test starts (and stops, to see the
 * outbox retry and give up), run once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MailContract {

    static final String BASE_URL = "https://assay.example.org/";
    private static final Duration WAIT = Duration.ofSeconds(60);

    TestDatabase database;
    TestServer server;
    TestSmtpServer smtp;
    NoticeFixture fixture;

    abstract String databaseKind();

    @BeforeAll
    void startServers(@TempDir Path data) {
        smtp = TestSmtpServer.start();
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database, Map.of("assay.mail.host", "127.0.0.1", "assay.mail.port", smtp.port(),
                "assay.mail.from", "forge@example.org", "assay.mail.poll", "100ms", "assay.mail.retry-delay", "1s",
                "assay.mail.max-attempts", 3, "assay.base-url", BASE_URL), NoticeSource.class);
        fixture = new NoticeFixture(server);
    }

    @AfterAll
    void stopServers() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void aMentionIsMailedWithItsLink() {
        User alice = fixture.user("alice");
        User carol = fixture.user("carol");
        Discussion review = fixture.discussion(fixture.project(alice), alice);

        fixture.publish(notice(NoticeKind.MENTION, review, alice, Set.of(carol.id()),
                "alice mentioned you in review #" + review.id(), "@" + carol.name() + " can you check the licence?"));

        TestSmtpServer.Received mail = smtp.awaitMailTo(carol.email());
        assertThat(mail.to()).containsExactly(carol.email());
        assertThat(mail.subject()).isEqualTo("[Assay] alice mentioned you in review #" + review.id());
        assertThat(mail.body()).contains("can you check the licence?")
                .contains("https://assay.example.org/reviews/" + review.id() + "#c1");
    }

    @Test
    void aStateChangeIsMailedToEveryWatcherButTheActor() {
        User author = fixture.user("author");
        User sponsor = fixture.user("sponsor");
        User follower = fixture.user("follower");
        Project project = fixture.project(author);
        Discussion review = fixture.discussion(project, author);
        fixture.publish(notice(NoticeKind.COMMENT, review, author, Set.of(), "author opened review", ""));
        fixture.server().bean(WatchService.class).watchProject(NoticeFixture.caller(follower), project.name(), true);

        fixture.publish(notice(NoticeKind.STATE_CHANGE, review, sponsor, Set.of(),
                "sponsor approved review #" + review.id(), "Looks good."));

        TestSmtpServer.Received toAuthor = smtp.awaitMailTo(author.email());
        assertThat(toAuthor.subject()).isEqualTo("[Assay] sponsor approved review #" + review.id());
        assertThat(toAuthor.body()).contains("Looks good.", BASE_URL + "reviews/" + review.id() + "#c1");
        assertThat(smtp.awaitMailTo(follower.email()).subject()).isEqualTo(toAuthor.subject());
        assertThat(outboxRowsTo(sponsor.email())).isZero();
    }

    @Test
    void aCommentIsNotMailedToWhoWatchesOnlyTheProject() {
        User author = fixture.user("author");
        User follower = fixture.user("follower");
        Project project = fixture.project(author);
        Discussion review = fixture.discussion(project, author);
        fixture.server().bean(WatchService.class).watchProject(NoticeFixture.caller(follower), project.name(), true);

        fixture.publish(notice(NoticeKind.COMMENT, review, author, Set.of(), "author commented", "hello"));

        assertThat(fixture.server().bean(InboxService.class).inbox(NoticeFixture.caller(follower))).hasSize(1);
        assertThat(outboxRowsTo(follower.email())).isZero();
    }

    @Test
    void mailWaitsWhileTheSmtpServerIsDownAndIsRetried() {
        User alice = fixture.user("alice");
        User bob = fixture.user("bob");
        Discussion review = fixture.discussion(fixture.project(alice), alice);
        smtp.stop();
        try {
            fixture.publish(notice(NoticeKind.NEW_ITERATION, review, alice, Set.of(bob.id()), "iteration 2", ""));
            awaitTrue(() -> failedAttemptsTo(bob.email()) >= 1);
        } finally {
            smtp.restart();
        }

        TestSmtpServer.Received mail = smtp.awaitMailTo(bob.email());
        assertThat(mail.subject()).isEqualTo("[Assay] iteration 2");
        // the SMTP server has the mail a moment before the sender records it sent
        awaitTrue(() -> jdbc().sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :to AND sent_at IS NOT NULL")
                .param("to", bob.email()).query(Long.class).single() == 1);
    }

    @Test
    void mailIsGivenUpAfterTheLastAttempt() {
        User alice = fixture.user("alice");
        User bob = fixture.user("bob");
        Discussion review = fixture.discussion(fixture.project(alice), alice);
        double failedBefore = fixture.server().bean(MeterRegistry.class).counter("assay.mail.failed").count();
        smtp.stop();
        try {
            fixture.publish(notice(NoticeKind.MENTION, review, alice, Set.of(bob.id()), "never arrives", ""));
            awaitTrue(() -> jdbc().sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :to AND failed_at IS NOT NULL")
                    .param("to", bob.email()).query(Long.class).single() == 1);
            assertThat(HttpApi.anonymous(server.url()).get("/actuator/health").statusCode())
                    .as("a failing SMTP server delays mail; the server stays healthy").isEqualTo(200);
        } finally {
            smtp.restart();
        }

        assertThat(jdbc().sql("SELECT attempts FROM mail_outbox WHERE recipient = :to").param("to", bob.email())
                .query(Integer.class).single()).isEqualTo(3);
        // counted right after the row is marked
        awaitTrue(() -> fixture.server().bean(MeterRegistry.class).counter("assay.mail.failed").count() > failedBefore);
    }

    private long outboxRowsTo(String address) {
        return jdbc().sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :to").param("to", address)
                .query(Long.class).single();
    }

    private long failedAttemptsTo(String address) {
        return jdbc().sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :to AND last_error IS NOT NULL")
                .param("to", address).query(Long.class).single();
    }

    private JdbcClient jdbc() {
        return server.bean(JdbcClient.class);
    }

    /** Polls for a bounded while: the sender works on its own schedule. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the outbox did not get there within " + WAIT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }
}
