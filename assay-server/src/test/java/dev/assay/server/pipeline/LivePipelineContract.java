package dev.assay.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.assay.server.pipeline.queue.JobQueue.WorkerLogLine;
import dev.assay.server.pipeline.queue.JobQueue;
import dev.assay.server.pipeline.workers.WorkerApiController;
import dev.assay.server.testing.Browser;
import dev.assay.server.testing.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * With no in-process worker, the test is the worker: the pipeline page follows a running job without
 * navigating, and a remote worker's raw-data files are kept under its lease.
 */
abstract class LivePipelineContract extends PipelineFixture {

    @Override
    protected Map<String, Object> pipelineSettings() {
        return Map.of("assay.pipeline.workers", 0, "assay.pipeline.lease", "1m");
    }

    @Test
    void pipelinePageShowsNewLogLinesAndTheFinalStatusWithoutNavigating() throws Exception {
        String project = uploadedProject();
        long id = owner.json(pipelines(project)).get(0).get("id").asLong();
        JobQueue queue = server.bean(JobQueue.class);
        try (Browser browser = Browser.open(server.url(), Files.createTempDirectory(data, "chromium"))) {
            browser.go("pipelines/" + id);
            assertThat(browser.find("#pipeline-status").getText()).isEqualTo("queued");
            JavascriptExecutor script = (JavascriptExecutor) browser.driver();
            script.executeScript("window.samePage = 'yes'");

            ClaimedJob job = claimPipeline(queue, "live-test", id);
            waitFor(browser, "#pipeline-status", "running");
            queue.log(job.jobId(), job.lease(), List.of(new WorkerLogLine("metadata", "first live line", null)));
            waitFor(browser, "#log", "first live line");
            queue.log(job.jobId(), job.lease(), List.of(new WorkerLogLine("metadata", "second live line", null)));
            waitFor(browser, "#log", "second live line");
            queue.result(job.jobId(), job.lease(), brokenMetadataResult());
            waitFor(browser, "#pipeline-status", "failed");
            assertThat(browser.find("#pipeline-status").getCssValue("color")).as("an outcome has its colour")
                    .isEqualTo("rgba(180, 35, 24, 1)");

            waitFor(browser, "#task-metadata", "failed: broken on purpose");
            waitFor(browser, "#findings", "broken on purpose");
            assertThat(script.executeScript("return window.samePage")).as("no navigation happened").isEqualTo("yes");
            assertThat(browser.find("#live").getDomAttribute("hx-get")).as("polling stops when finished").isNull();
        }
    }

    @Test
    void pageWithoutScriptReloadsItselfWhileThePipelineIsActive() throws Exception {
        String project = uploadedProject();
        long id = owner.json(pipelines(project)).get(0).get("id").asLong();

        String page = HttpApi.anonymous(server.url()).get("pipelines/" + id).body();
        String live = HttpApi.anonymous(server.url()).get("pipelines/" + id + "/live").body();

        assertThat(page).contains("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>");
        assertThat(live).startsWith("<div id=\"live\"").contains("hx-get=\"/pipelines/" + id + "/live\"",
                "hx-trigger=\"every 2s\"", "queued").doesNotContain("<html", "<script");
    }

    @Test
    void remoteWorkerUploadsRawFilesUnderItsLease() throws Exception {
        String project = uploadedProject();
        long id = owner.json(pipelines(project)).get(0).get("id").asLong();
        ClaimedJob job = claimPipeline(server.bean(JobQueue.class), "remote", id);
        HttpApi worker = workerToken();
        String files = "api/worker/jobs/" + job.jobId() + "/files/";
        byte[] log = "remote log line\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> kept = worker.postBytes(files + "metadata/metadata-log", log,
                WorkerApiController.LEASE_HEADER, job.lease());
        HttpResponse<String> wrongLease = worker.postBytes(files + "metadata/other-log", log,
                WorkerApiController.LEASE_HEADER, "not-the-lease");
        HttpResponse<String> noLease = worker.postBytes(files + "metadata/other-log", log);
        HttpResponse<String> badName = worker.postBytes(files + "metadata/.hidden", log,
                WorkerApiController.LEASE_HEADER, job.lease());
        HttpResponse<String> notWorker = owner.postBytes(files + "metadata/other-log", log,
                WorkerApiController.LEASE_HEADER, job.lease());
        HttpResponse<String> result = worker.post("api/worker/jobs/" + job.jobId() + "/result", """
                {"lease":"%s","tasks":[{"name":"metadata","outcome":"passed","startedAt":"%s","endedAt":"%s",
                 "durationMs":5,"summary":"fine","rawData":{"values":{"n":1},"files":{"forged":"/etc/passwd"}}}]}"""
                .formatted(job.lease(), Instant.now(), Instant.now()));

        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        assertThat(HttpApi.parse(kept.body()).get("size").asInt()).isEqualTo(log.length);
        assertThat(wrongLease.statusCode()).isEqualTo(409);
        assertThat(noLease.statusCode()).isEqualTo(400);
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("file name");
        assertThat(notWorker.statusCode()).isEqualTo(403);
        assertThat(result.statusCode()).as(result.body()).isEqualTo(204);
        JsonNode rawFiles = stranger.json("api/v1/pipelines/" + id).get("tasks").get(0).get("rawData").get("files");
        assertThat(rawFiles.propertyNames()).containsExactly("metadata-log");
        HttpResponse<String> download = stranger.get(rawFiles.get("metadata-log").get("url").asString());
        assertThat(download.body()).isEqualTo("remote log line\n");
    }

    /** Waits for the text; htmx may swap the element between finding and reading it, which only means "again". */
    private static void waitFor(Browser browser, String selector, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(driver -> browser.has(selector) && browser.find(selector).getText().contains(text));
    }
}
