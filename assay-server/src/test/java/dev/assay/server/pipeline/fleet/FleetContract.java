package dev.assay.server.pipeline.fleet;

import static dev.assay.server.pipeline.fleet.WorkersAsAdmin.listed;
import static dev.assay.server.pipeline.fleet.WorkersAsAdmin.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.AssayVersion;
import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * Workers at scale, as administrators manage them: the workers list with what each offers, drain (no new jobs,
 * running ones finish), cancel (running jobs back to the queue) and resume; and every attempt of a job, with how it
 * ended, on the pipeline page and in its API.
 */
abstract class FleetContract extends PipelineFixture {

    @Override
    protected Map<String, Object> pipelineSettings() {
        return Map.of("assay.pipeline.workers", 0, "assay.pipeline.lease", "5s");
    }

    @Test
    void administratorsListTheWorkersWithWhatTheyOfferAndNobodyElseMay() {
        HttpApi worker = workerToken();
        String name = "lister-" + databaseKind();
        HttpResponse<String> claim = worker.post("api/worker/claim", """
                {"worker":"%s","host":"build-3.example","offer":{"version":"%s","interpreters":[
                 {"version":"3.12.1","implementation":"cpython","executable":"/opt/py/bin/python3.12","tags":[]}],
                 "tasks":["build","install"]}}""".formatted(name, AssayVersion.current()));
        assertThat(claim.statusCode()).as(claim.body()).isIn(200, 204);
        if (claim.statusCode() == 200) {
            finish(worker, HttpApi.parse(claim.body()));
        }

        JsonNode listed = listed(admin, name);
        HttpResponse<String> byOwner = owner.get("api/v1/admin/workers");
        HttpResponse<String> byToken = worker.get("api/v1/admin/workers");
        HttpResponse<String> anonymous = HttpApi.anonymous(server.url()).get("api/v1/admin/workers");
        Document page = Jsoup.parse(signedIn(server.url(), ADMIN, PASSWORD).get("admin/workers").body());
        HttpResponse<String> pageByOwner = signedIn(server.url(), "olive", PASSWORD).get("admin/workers");

        assertThat(listed.get("online").asBoolean()).isTrue();
        assertThat(listed.get("state").asString()).isEqualTo("active");
        assertThat(listed.get("kind").asString()).isEqualTo("remote");
        assertThat(listed.get("host").asString()).isEqualTo("build-3.example");
        assertThat(listed.get("version").asString()).isEqualTo(AssayVersion.current());
        assertThat(listed.get("interpreters").get(0).get("version").asString()).isEqualTo("3.12.1");
        assertThat(listed.get("tasks").toString()).isEqualTo("[\"build\",\"install\"]");
        assertThat(listed.get("runningJobs")).isEmpty();
        assertThat(byOwner.statusCode()).as(byOwner.body()).isEqualTo(403);
        assertThat(byOwner.body()).contains("only administrators");
        assertThat(byToken.statusCode()).as("a token never administers").isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        String row = "#worker-" + listed.get("id").asLong();
        assertThat(page.select(row + " .worker-name").text()).isEqualTo(name);
        assertThat(page.select(row + " .worker-online").text()).isEqualTo("online");
        assertThat(page.select(row + " .worker-version").text()).isEqualTo(AssayVersion.current());
        assertThat(page.select(row).text()).contains("cpython 3.12.1", "build, install", "active");
        assertThat(pageByOwner.statusCode()).isEqualTo(403);
        assertThat(owner.post("api/v1/admin/workers/999999/drain", "").statusCode()).isEqualTo(403);
        assertThat(admin.post("api/v1/admin/workers/999999/drain", "").statusCode()).isEqualTo(404);
    }

    @Test
    void aDrainedWorkerFinishesItsRunningJobButGetsNoNewOneUntilResumed() throws Exception {
        HttpApi drained = workerToken();
        HttpApi other = workerToken();
        long first = pipelineOf(uploadedProject());
        long second = pipelineOf(uploadedProject());
        JsonNode held = claimPipeline(drained, "drained-" + databaseKind(), first);
        long id = listed(admin, "drained-" + databaseKind()).get("id").asLong();

        HttpResponse<String> drain = admin.post("api/v1/admin/workers/" + id + "/drain", "");
        HttpResponse<String> refusedClaim = claim(drained, "drained-" + databaseKind());
        HttpResponse<String> result = drained.post(jobPath(held, "result"), passedResult(held));

        assertThat(drain.statusCode()).as(drain.body()).isEqualTo(200);
        assertThat(HttpApi.parse(drain.body()).get("state").asString()).isEqualTo("draining");
        assertThat(HttpApi.parse(drain.body()).get("runningJobs").toString()).isEqualTo("[" + held.get("jobId") + "]");
        assertThat(refusedClaim.statusCode()).as("no new job for a drained worker").isEqualTo(204);
        assertThat(result.statusCode()).as("its running job finishes: " + result.body()).isEqualTo(204);
        finish(other, claimPipeline(other, "other-" + databaseKind(), second));

        HttpResponse<String> resume = admin.post("api/v1/admin/workers/" + id + "/resume", "");
        long third = pipelineOf(uploadedProject());
        assertThat(resume.statusCode()).as(resume.body()).isEqualTo(200);
        finish(drained, claimPipeline(drained, "drained-" + databaseKind(), third));
        assertThat(attempts(third)).extracting(attempt -> attempt.get("ended").asString()).containsExactly("finished");
    }

    @Test
    void cancellingAWorkerSendsItsJobBackToTheQueueAndThePipelinePageShowsEveryAttempt() throws Exception {
        HttpApi cancelled = workerToken();
        HttpApi other = workerToken();
        String name = "cancelled-" + databaseKind();
        long pipeline = pipelineOf(uploadedProject());
        WebSession ada = signedIn(server.url(), ADMIN, PASSWORD);
        JsonNode held = claimPipeline(cancelled, name, pipeline);
        long id = listed(admin, name).get("id").asLong();

        Document after = Jsoup.parse(ada.submit("admin/workers", "#cancel-" + id, Map.of()).body());
        HttpResponse<String> heartbeat = cancelled.post(jobPath(held, "heartbeat"), lease(held));
        HttpResponse<String> refusedClaim = claim(cancelled, name);
        JsonNode again = claimPipeline(other, "taker-" + databaseKind(), pipeline);
        finish(other, again);

        assertThat(after.select("#notice").text()).contains("Cancelled " + name, "went back to the queue");
        assertThat(after.select("#worker-" + id + " .worker-state").text()).isEqualTo("cancelled");
        assertThat(heartbeat.statusCode()).as("its lease is revoked: " + heartbeat.body()).isEqualTo(409);
        assertThat(refusedClaim.statusCode()).isEqualTo(204);
        assertThat(again.get("jobId").asLong()).isEqualTo(held.get("jobId").asLong());
        List<JsonNode> attempts = attempts(pipeline);
        assertThat(attempts).extracting(attempt -> attempt.get("ended").asString())
                .containsExactly("cancelled", "finished");
        assertThat(attempts.get(0).get("worker").asString()).startsWith("remote worker " + name);
        assertThat(attempts.get(1).get("worker").asString()).startsWith("remote worker taker-");
        Document page = Jsoup.parse(HttpApi.anonymous(server.url()).get("pipelines/" + pipeline).body());
        assertThat(page.select("#attempts .attempt-ended").eachText())
                .satisfiesExactly(first -> assertThat(first).startsWith("cancelled, "),
                        second -> assertThat(second).startsWith("finished, "));
        assertThat(page.select("#attempts .attempt-worker").eachText().get(0)).startsWith("remote worker " + name);
        HttpResponse<String> privateAttempts = HttpApi.anonymous(server.url()).get("api/v1/pipelines/999999/attempts");
        assertThat(privateAttempts.statusCode()).isEqualTo(404);
    }

    @Test
    void aJobWhoseLeaseRunsOutIsClaimedAgainAndItsFirstAttemptEndsAsLeaseExpired() throws Exception {
        HttpApi lost = workerToken();
        HttpApi taker = workerToken();
        long pipeline = pipelineOf(uploadedProject());
        JsonNode held = claimPipeline(lost, "silent-" + databaseKind(), pipeline);

        // no heartbeat: after the 5 s lease the job is claimable again
        JsonNode again = claimPipeline(taker, "later-" + databaseKind(), pipeline);
        HttpResponse<String> late = lost.post(jobPath(held, "result"), passedResult(held));
        finish(taker, again);

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(attempts(pipeline)).extracting(attempt -> attempt.get("ended").asString())
                .containsExactly("lease expired", "finished");
        assertThat(attempts(pipeline)).allSatisfy(attempt -> assertThat(attempt.get("endedAt").isNull()).isFalse());
    }


    private List<JsonNode> attempts(long pipeline) {
        return StreamSupport.stream(owner.json("api/v1/pipelines/" + pipeline + "/attempts").spliterator(), false)
                .toList();
    }

    private long pipelineOf(String project) {
        return owner.json(pipelines(project)).get(0).get("id").asLong();
    }


    private static HttpResponse<String> claim(HttpApi worker, String name) {
        return worker.post("api/worker/claim", "{\"worker\":\"" + name + "\"}");
    }

    /** Claims as {@code name} until the pipeline's job comes, finishing the jobs other tests left on the way. */
    private JsonNode claimPipeline(HttpApi worker, String name, long pipeline) {
        return eventually("a claim of pipeline " + pipeline + " by " + name, () -> {
            HttpResponse<String> claim = claim(worker, name);
            assertThat(claim.statusCode()).as(claim.body()).isIn(200, 204);
            if (claim.statusCode() == 204) {
                return null;
            }
            JsonNode job = HttpApi.parse(claim.body());
            if (job.get("pipelineId").asLong() != pipeline) {
                finish(worker, job);
                return null;
            }
            return job;
        }, job -> job != null);
    }

    private static void finish(HttpApi worker, JsonNode job) {
        HttpResponse<String> result = worker.post(jobPath(job, "result"), passedResult(job));
        assertThat(result.statusCode()).as(result.body()).isIn(204, 409);
    }

    private static String jobPath(JsonNode job, String what) {
        return "api/worker/jobs/" + job.get("jobId").asLong() + "/" + what;
    }

    private static String lease(JsonNode job) {
        return "{\"lease\":\"" + job.get("lease").asString() + "\"}";
    }

    private static String passedResult(JsonNode job) {
        Instant now = Instant.now();
        return """
                {"lease":"%s","tasks":[{"name":"test","outcome":"passed","startedAt":"%s","endedAt":"%s",
                 "durationMs":0,"summary":"passed","findings":[],"rawData":{"values":{}}}]}"""
                .formatted(job.get("lease").asString(), now, now);
    }
}
