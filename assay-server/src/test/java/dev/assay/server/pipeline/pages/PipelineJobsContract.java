package dev.assay.server.pipeline.pages;

import static dev.assay.server.pipeline.matrix.MatrixClaims.offering;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.FindingView;
import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.pipeline.fleet.Workers;
import dev.assay.server.pipeline.queue.JobQueue;
import dev.assay.server.pipeline.queue.JobQueue.WorkerLogLine;
import dev.assay.server.testing.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * Every job of a matrix pipeline on its page and in its API, not only the latest: each Python version's job with its
 * own worker, attempts, tasks, findings, raw data and log.
 */
abstract class PipelineJobsContract extends PipelineFixture {

    private long pipeline;
    private ClaimedJob on311;
    private ClaimedJob on312;

    @Override
    protected Map<String, Object> pipelineSettings() {
        return Map.of("assay.pipeline.workers", 0, "assay.pipeline.lease", "1m");
    }

    /** A pipeline of two jobs, 3.11 failed and 3.12 passed, each with a log line and raw data of its own. */
    @BeforeEach
    void aMatrixPipelineOfTwoJobs() throws Exception {
        update("DELETE FROM workers");
        Workers workers = server.bean(Workers.class);
        workers.seen(WorkerIdentity.inProcess("seen-311", "test-host"), offering("3.11.2"), Instant.now());
        workers.seen(WorkerIdentity.inProcess("seen-312", "test-host"), offering("3.12.1"), Instant.now());
        pipeline = owner.json(pipelines(uploadedProject())).get(0).get("id").asLong();
        JobQueue queue = server.bean(JobQueue.class);
        on311 = claimPipeline(queue, "runner-311", offering("3.11.2"), pipeline);
        on312 = claimPipeline(queue, "runner-312", offering("3.12.1"), pipeline);
        run(queue, on311, "failed");
        run(queue, on312, "passed");
    }

    @Test
    void theApiGivesEachJobWithItsOwnWorkerTasksLogRawDataAndAttempts() {
        JsonNode whole = owner.json("api/v1/pipelines/" + pipeline);
        JsonNode first = owner.json(job(on311));
        JsonNode last = owner.json(job(on312));
        JsonNode attempts = owner.json(job(on311) + "/attempts");

        assertThat(whole.get("matrix")).extracting(run -> run.get("jobId").asLong())
                .containsExactly(on311.jobId(), on312.jobId());
        assertThat(first.get("python").asString()).isEqualTo("3.11");
        assertThat(first.get("status").asString()).isEqualTo("failed");
        assertThat(first.get("latest").asBoolean()).isFalse();
        assertThat(first.get("worker").get("name").asString()).isEqualTo("runner-311");
        assertThat(first.get("log").toString()).contains("probing on 3.11").doesNotContain("probing on 3.12");
        assertThat(first.get("tasks").get(0).get("findings").get(0).get("message").asString())
                .isEqualTo("broken on 3.11");
        assertThat(first.get("tasks").get(0).get("rawData").get("url").asString())
                .isEqualTo("/api/v1/pipelines/" + pipeline + "/raw/probe?job=" + on311.jobId());
        assertThat(last.get("latest").asBoolean()).isTrue();
        assertThat(last.get("worker").get("name").asString()).isEqualTo("runner-312");
        assertThat(last.get("log").toString()).contains("probing on 3.12").doesNotContain("probing on 3.11");
        assertThat(last.get("tasks").get(0).get("rawData").get("url").asString())
                .as("the latest job's links name no job").isEqualTo("/api/v1/pipelines/" + pipeline + "/raw/probe");
        assertThat(attempts).singleElement().satisfies(attempt -> {
            assertThat(attempt.get("jobId").asLong()).isEqualTo(on311.jobId());
            assertThat(attempt.get("worker").asString()).startsWith("in-process worker runner-311");
            assertThat(attempt.get("ended").asString()).isEqualTo("finished");
        });
        assertThat(python(owner.json("api/v1/pipelines/" + pipeline + "/raw/probe?job=" + on311.jobId())))
                .isEqualTo("3.11");
        assertThat(python(owner.json("api/v1/pipelines/" + pipeline + "/raw/probe"))).isEqualTo("3.12");
    }

    @Test
    void thePageShowsTheLatestJobAndEveryOtherOnePickedFromTheMatrix() {
        HttpApi reader = HttpApi.anonymous(server.url());
        Document latest = Jsoup.parse(reader.get("pipelines/" + pipeline).body());
        String picked = latest.select("#jobs a.job-link[data-job=" + on311.jobId() + "]").attr("href");
        Document first = Jsoup.parse(reader.get(picked.substring(1)).body());
        String rawLink = first.select("#task-probe a.raw-json").attr("href");

        assertThat(latest.select("#job-python").text()).isEqualTo("3.12");
        assertThat(latest.select("#task-probe .status").text()).isEqualTo("passed");
        assertThat(latest.select("#log").text()).contains("probing on 3.12").doesNotContain("probing on 3.11");
        assertThat(latest.select("#jobs a.job-link")).hasSize(2);
        assertThat(latest.select("#jobs a[aria-current=page]").attr("data-job"))
                .isEqualTo(String.valueOf(on312.jobId()));
        assertThat(latest.select("table.python-matrix a.matrix-job").eachAttr("href"))
                .containsExactly("/pipelines/" + pipeline + "?job=" + on311.jobId(),
                        "/pipelines/" + pipeline + "?job=" + on312.jobId());
        assertThat(picked).isEqualTo("/pipelines/" + pipeline + "?job=" + on311.jobId());
        assertThat(first.select("#job-python").text()).isEqualTo("3.11");
        assertThat(first.select("#job-status").text()).isEqualTo("failed");
        assertThat(first.select("#pipeline-worker").text()).startsWith("in-process worker runner-311");
        assertThat(first.select("#attempts .attempt-worker").eachText())
                .singleElement().asString().startsWith("in-process worker runner-311");
        assertThat(first.select("#task-probe .status").text()).isEqualTo("failed");
        assertThat(first.select("#findings").text()).contains("broken on 3.11");
        assertThat(first.select("#log").text()).contains("probing on 3.11").doesNotContain("probing on 3.12");
        assertThat(rawLink).isEqualTo("/pipelines/" + pipeline + "/raw/probe?job=" + on311.jobId());
        assertThat(python(HttpApi.parse(reader.get(rawLink.substring(1)).body()))).isEqualTo("3.11");
    }

    @Test
    void aJobOfAnotherPipelineOrABadJobIsAClearErrorAndAPrivateProjectsJobsAreHidden() throws Exception {
        long other = owner.json(pipelines(uploadedProject())).get(0).get("id").asLong();
        String secret = uploadedProject();
        long hidden = owner.json(pipelines(secret)).get(0).get("id").asLong();
        long hiddenJob = owner.json("api/v1/pipelines/" + hidden).get("matrix").get(0).get("jobId").asLong();
        makePrivate(secret);
        HttpApi anonymous = HttpApi.anonymous(server.url());

        HttpResponse<String> wrongPipeline = owner.get("api/v1/pipelines/" + other + "/jobs/" + on311.jobId());
        HttpResponse<String> wrongPage = owner.get("pipelines/" + other + "?job=" + on311.jobId());
        HttpResponse<String> wrongRaw = owner.get("api/v1/pipelines/" + other + "/raw/probe?job=" + on311.jobId());
        HttpResponse<String> notANumber = owner.get("pipelines/" + pipeline + "?job=first");
        HttpResponse<String> hiddenJobApi = anonymous.get("api/v1/pipelines/" + hidden + "/jobs/" + hiddenJob);
        HttpResponse<String> hiddenAttempts = stranger.get("api/v1/pipelines/" + hidden + "/jobs/" + hiddenJob
                + "/attempts");

        assertThat(wrongPipeline.statusCode()).isEqualTo(404);
        assertThat(wrongPipeline.body()).contains("pipeline " + other + " has no job " + on311.jobId());
        assertThat(wrongPage.statusCode()).isEqualTo(404);
        assertThat(wrongRaw.statusCode()).isEqualTo(404);
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(hiddenJobApi.statusCode()).isIn(401, 404);
        assertThat(hiddenAttempts.statusCode()).isEqualTo(404);
        assertThat(owner.get("api/v1/pipelines/" + hidden + "/jobs/" + hiddenJob).statusCode()).isEqualTo(200);
    }

    private String job(ClaimedJob job) {
        return "api/v1/pipelines/" + pipeline + "/jobs/" + job.jobId();
    }

    private static String python(JsonNode rawData) {
        return rawData.get("values").get("python").asString();
    }

    /** Logs a line naming the job's Python, then records its one task's result, raw data naming the Python too. */
    private static void run(JobQueue queue, ClaimedJob job, String outcome) {
        Instant now = Instant.now();
        queue.log(job.jobId(), job.lease(), List.of(new WorkerLogLine("probe", "probing on " + job.python(), now)));
        List<FindingView> findings = outcome.equals("failed")
                ? List.of(new FindingView("error", "test/broken", "broken on " + job.python(), null)) : List.of();
        queue.result(job.jobId(), job.lease(), List.of(new TaskReport("probe", outcome, now, now, 0, outcome,
                findings, Map.of("values", Map.of("python", job.python())))));
    }
}
