package dev.assay.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.testing.Eventually;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestServer;

/**
 * The text log format (the default) names the request id, as the JSON format does: an upload's {@code X-Request-Id}
 * is in the in-process worker's lines about that upload's pipeline job, and lines outside any request show no id.
 */
@ExtendWith(OutputCaptureExtension.class)
class TextLogsTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void workerLinesOfAnUploadsPipelineNameTheUploadsRequestId(@TempDir Path temporary, CapturedOutput output)
            throws Exception {
        Path data = Files.createDirectories(temporary.resolve("data"));
        try (TestDatabase database = TestDatabase.of("h2", data); TestServer server = TestServer.start(data, database)) {
            server.bean(AccountService.class).create(new NewUser("tex", "tex@example.org", "", PASSWORD, Set.of()));
            TestDistributions.Spec spec = new TestDistributions.Spec("text-logged", "1.0", List.of("Summary: logged"), "");
            Path wheel = TestDistributions.wheel(Files.createDirectories(temporary.resolve("dist")), spec);

            HttpResponse<String> uploaded = spec.request(wheel).header(RequestIds.HEADER, "text-upload-5c1e")
                    .send(server.url(), "tex", PASSWORD);

            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
            List<String> finished = Eventually.until("the worker's line about the upload's finished job",
                    Duration.ofMinutes(1), () -> lines(output, "finished job"), lines -> !lines.isEmpty());
            assertThat(finished).allSatisfy(line -> assertThat(line).contains("] [text-upload-5c1e] "));
            assertThat(lines(output, "claimed job")).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).contains("] [text-upload-5c1e] "));
            assertThat(output.getOut().lines().filter(line -> line.contains(" --- ")))
                    .as("lines outside any request").isNotEmpty()
                    .noneSatisfy(line -> assertThat(line).contains("[] "));
        }
    }

    private static List<String> lines(CapturedOutput output, String text) {
        return output.getOut().lines().filter(line -> line.contains(text)).toList();
    }
}
