package dev.assay.server.review.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestSmtpServer;

/**
 * Email from a change request's life through a real SMTP server: its author hears of a reply in her thread, of a
 * vote, of a new revision and of the merge, each mail linking back to the request on the configured site.
 */
abstract class ChangeMailContract extends ChangeFixture {

    private static final String SITE = "https://assay.example.org/";

    private TestSmtpServer smtp;

    @Override
    protected Map<String, Object> serverProperties() {
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
    void theAuthorIsMailedRepliesVotesRevisionsAndTheMerge() throws InterruptedException {
        String project = newProject("public");
        Path work = workTree(project, "feature");
        git.commit(work, "calc.py", TEN_LINES.replace("line 2", "line two"), "Two");
        push(work, project, "feature");
        long number = open("carol", project, "feature", "main");
        String api = "api/v1/changes/" + number;
        String link = SITE + "changes/" + number;

        HttpResponse<String> asked = send("POST", api + "/threads", "carol", "{\"body\":\"Is two clearer?\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        long thread = HttpApi.parse(asked.body()).get("id").asLong();
        assertThat(send("POST", api + "/threads/" + thread + "/comments", "rita", "{\"body\":\"Much clearer.\"}")
                .statusCode()).isEqualTo(201);
        TestSmtpServer.Received reply = smtp.awaitMailTo("carol@example.org", "rita");
        assertThat(reply.body()).contains("Much clearer.", link);

        assertThat(send("PUT", api + "/vote", "rita", "{\"vote\":\"approve\"}").statusCode()).isEqualTo(200);
        assertThat(smtp.awaitMailTo("carol@example.org", "approve").body()).contains(link);

        git.commit(work, "calc.py", TEN_LINES.replace("line 2", "line two").replace("line 3", "line three"), "Three");
        push(work, project, "feature");
        withRevisions(number, 2);
        assertThat(smtp.awaitMailTo("carol@example.org", "revision 2").body()).contains(link);

        assertThat(send("PUT", "api/v1/projects/" + project + "/merge-gates/main", "olive",
                "{\"requiredApprovals\":0,\"requireResolved\":false,\"requireGreen\":false}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> merged = send("POST", api + "/merge", "olive", "{\"method\":\"squash\"}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(smtp.awaitMailTo("carol@example.org", "merged").body()).contains(link);
    }
}
