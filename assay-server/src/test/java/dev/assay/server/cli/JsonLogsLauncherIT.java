package dev.assay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.testing.AssayProcess;
import dev.assay.server.testing.AssayProcess.Outcome;
import dev.assay.server.testing.AssayProcess.Server;
import dev.assay.server.testing.Eventually;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDistributions;
import tools.jackson.databind.JsonNode;

/**
 * {@code ASSAY_LOG_FORMAT=json ./assay serve}: standard output is JSON lines only, and an upload's request id (its
 * {@code X-Request-Id}) is echoed and carried into the log lines of the worker that runs its pipeline.
 */
class JsonLogsLauncherIT {

    @Test
    void logsJsonLinesCarryingTheRequestIdIntoThePipeline(@TempDir Path work) throws Exception {
        Path data = work.resolve("data");
        AssayProcess assay = new AssayProcess(Map.of("ASSAY_LOG_FORMAT", "json", "ASSAY_REVIEW_NEW_PROJECTS", "false"));
        Outcome added = assay.run("s3cret-passw0rd\n", "user", "add", "jason", "--email", "jason@example.org",
                "--password-stdin", "--data", data.toString());
        assertThat(added.exitCode()).as(added.stderr()).isZero();
        Path stdout = work.resolve("stdout.log");
        try (Server server = assay.serveApart(data, stdout, work.resolve("stderr.log"))) {
            TestDistributions.Spec spec = new TestDistributions.Spec("Logged_Pkg", "1.0", List.of("Summary: logged"), "");
            Path wheel = TestDistributions.wheel(Files.createDirectories(work.resolve("dist")), spec);
            HttpResponse<String> uploaded = spec.request(wheel).header("X-Request-Id", "it-upload-7f3a")
                    .send(server.url(), "jason", "s3cret-passw0rd");
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
            assertThat(uploaded.headers().firstValue("X-Request-Id")).hasValue("it-upload-7f3a");

            HttpResponse<String> odd = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()))
                    .header("X-Request-Id", "x".repeat(100)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(odd.headers().firstValue("X-Request-Id")).as("too long: replaced").get().asString()
                    .matches("[0-9a-f]{24}");

            List<JsonNode> claimed = Eventually.until("the worker's log lines of the upload's pipeline",
                    Duration.ofMinutes(2), () -> linesOf(stdout, "it-upload-7f3a"),
                    lines -> lines.stream().anyMatch(line -> line.get("message").asString().contains("claimed job")));
            assertThat(claimed).allSatisfy(line -> assertThat(line.get("requestId").asString()).isEqualTo("it-upload-7f3a"));
            assertThat(Files.readAllLines(stdout)).as("every line of standard output is a JSON object")
                    .isNotEmpty().allSatisfy(line -> assertThat(HttpApi.parse(line).isObject()).as(line).isTrue());
            assertThat(Files.readString(stdout)).contains("Assay is running at http://localhost:" + server.port() + "/");
        }
    }

    // The JSON log lines that name the request id in any field.
    private static List<JsonNode> linesOf(Path stdout, String requestId) {
        try {
            return Files.readAllLines(stdout).stream().filter(line -> line.contains(requestId)).map(HttpApi::parse)
                    .toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
