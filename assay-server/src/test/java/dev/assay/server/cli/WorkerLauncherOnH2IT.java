package dev.assay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.testing.AssayProcess;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.AssayProcess.Outcome;
import dev.assay.server.testing.AssayProcess.Server;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import dev.assay.tasks.sandbox.Sandbox;

/** The real {@code ./assay worker} process against a real {@code ./assay serve} without in-process workers. */
class WorkerLauncherOnH2IT {

    @Test
    void theWorkerCommandRunsAnUploadsPipelineAndStopsCleanlyOnSigterm(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(Sandbox.probe().sandbox().isPresent() || "true".equals(System.getenv("CI")),
                "no sandbox on this machine");
        // the sandbox runs as nobody, who must reach the worker's workspaces below this directory
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        Path data = work.resolve("data");
        AssayProcess serve = new AssayProcess(Map.of("ASSAY_PIPELINE_WORKERS", "0", "ASSAY_REVIEW_NEW_PROJECTS", "false"));
        try (Server server = serve.serve(data, work.resolve("serve.log"))) {
            Outcome added = serve.run("s3cret-passw0rd\n", "user", "add", "wendy", "--email", "wendy@example.org",
                    "--admin", "--password-stdin", "--data", data.toString());
            assertThat(added.exitCode()).as(added.stderr()).isZero();
            String upload = token(serve, data, "upload");
            String worker = token(serve, data, "worker");

            Outcome refused = new AssayProcess(Map.of("ASSAY_WORKER_TOKEN", upload))
                    .run("", "worker", "--server", server.url(), "--work", work.resolve("w0").toString());
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.stderr()).contains("assay worker:", "worker scope");

            Path log = work.resolve("worker.log");
            Process running = new AssayProcess(Map.of("ASSAY_WORKER_SERVER", server.url(), "ASSAY_WORKER_TOKEN", worker))
                    .start(log, "worker", "--name", "it-host", "--work", work.resolve("w1").toString());
            try {
                PythonDistributions.Built built = PythonDistributions.build(Files.createDirectories(work.resolve("b")),
                        PythonDistributions.Spec.of("launched", "1.0"));
                PythonTools.twineUpload(server.url(), "__token__", upload, built.wheel()).assertSucceeded();

                String pipelines = await(server.url() + "api/v1/projects/launched/releases/1.0/pipelines",
                        body -> body.contains("\"finishedAt\":\"") , Duration.ofMinutes(4), running, log);
                Map<String, String> outcomes = new java.util.HashMap<>();
                HttpApi.parse(pipelines).get(0).get("tasks").forEach(task -> outcomes.put(task.get("name").asString(),
                        task.get("outcome").asString()));
                assertThat(outcomes).as(pipelines).containsEntry("metadata", "passed").containsEntry("install", "passed")
                        .containsEntry("import", "passed");
                assertThat(HttpApi.parse(pipelines).get(0).get("worker").get("description").asString()).as(pipelines)
                        .startsWith("remote worker it-host/1 on ").endsWith(", of wendy)");
                assertThat(Files.readString(log)).contains("claiming jobs from " + server.url())
                        .doesNotContain(worker);
            } finally {
                running.destroy();
                assertThat(running.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            }
            assertThat(Files.readString(log)).contains("stopping: no more claims");
        }
    }

    private static String token(AssayProcess assay, Path data, String scope) throws Exception {
        Outcome created = assay.run("", "token", "create", "wendy", "--scope", scope, "--data", data.toString());
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        return created.stdout().strip();
    }

    private static String await(String url, java.util.function.Predicate<String> done, Duration deadline,
            Process worker, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant end = Instant.now().plus(deadline);
        String body = "";
        while (Instant.now().isBefore(end)) {
            if (!worker.isAlive()) {
                throw new AssertionError("assay worker ended early:\n" + Files.readString(log));
            }
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            body = answer.body();
            if (answer.statusCode() == 200 && done.test(body)) {
                return body;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("gave up waiting on " + url + ": " + body + "\nworker:\n" + Files.readString(log));
    }
}
