package dev.assay.server.review.packagereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.testing.TestSmtpServer;

/**
 * Email from real review actions through a real SMTP server: a sponsor taking a review mails its contributor, and
 * an @mention in a comment mails the person named (when they may read the held project), each with the link back to the review on the configured site.
 */
abstract class ReviewMailContract extends ReviewFixture {

    private static final String SITE = "https://assay.example.org/";

    private TestSmtpServer smtp;

    @Override
    Map<String, Object> serverProperties() {
        smtp = TestSmtpServer.start();
        return Map.of("assay.mail.host", "127.0.0.1", "assay.mail.port", smtp.port(), "assay.mail.from",
                "forge@example.org", "assay.mail.poll", "100ms", "assay.base-url", SITE);
    }

    @AfterAll
    void stopSmtp() {
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void aStateChangeAndAMentionAreMailedWithTheirLinks() {
        String contributor = newContributor();
        String mentioned = "reviewer" + contributor;
        String stranger = "stranger" + contributor;
        server.bean(AccountService.class).create(new NewUser(mentioned, mentioned + "@example.org", "", PASSWORD,
                Set.of(Group.REVIEWERS)));
        server.bean(AccountService.class).create(new NewUser(stranger, stranger + "@example.org", "", PASSWORD,
                Set.of()));
        String project = unique("mailcalc");
        upload(project, "1.0", contributor);
        long review = reviewOf(project, contributor);

        assertThat(act(api("spencer"), review, "take", null).statusCode()).isEqualTo(200);
        TestSmtpServer.Received taken = smtp.awaitMailTo(contributor + "@example.org");
        assertThat(taken.to()).containsExactly(contributor + "@example.org");
        assertThat(taken.subject()).isEqualTo("[Assay] spencer took review #" + review + " of " + project);
        assertThat(taken.body()).contains(SITE + "reviews/" + review);

        HttpResponse<String> comment = api("spencer").post("api/v1/reviews/" + review + "/threads",
                "{\"body\":\"@" + mentioned + " could you check the licence? @" + stranger + " too\"}");
        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
        assertThat(api(stranger).json("api/v1/notifications").toString())
                .as("a mention does not reveal a held project to one who may not read it").doesNotContain(project);
        TestSmtpServer.Received mention = smtp.awaitMailTo(mentioned + "@example.org");
        assertThat(mention.to()).containsExactly(mentioned + "@example.org");
        assertThat(mention.subject()).startsWith("[Assay] spencer mentioned you").contains("#" + review);
        assertThat(mention.body()).contains("could you check the licence?", SITE + "reviews/" + review + "#thread-");
    }
}
