package dev.assay.server.pipeline.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.error.ConflictException;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.AssayVersion;
import dev.assay.server.pipeline.WorkerOffer;
import dev.assay.server.pipeline.fleet.KnownWorker;
import dev.assay.server.pipeline.fleet.Workers;
import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.testing.HttpApi;

/**
 * The job queue's contract with workers, with no in-process worker: leases that run out, exactly one
 * result, claims that never collide, and the worker API's authentication.
 */
abstract class JobQueueContract extends PipelineFixture {

    @Override
    protected Map<String, Object> pipelineSettings() {
        return Map.of("assay.pipeline.workers", 0, "assay.pipeline.lease", "2s", "assay.pipeline.max-attempts", 3);
    }

    @Test
    void deadWorkerLosesItsLeaseAndOnlyTheLiveWorkersResultIsRecorded() throws Exception {
        String project = uploadedProject();
        long pipeline = owner.json(pipelines(project)).get(0).get("id").asLong();
        JobQueue queue = server.bean(JobQueue.class);
        ClaimedJob dead = claimPipeline(queue, "dead", pipeline);

        ClaimedJob alive = claimPipeline(queue, "alive", pipeline);
        HttpApi worker = workerToken();
        HttpResponse<String> heartbeat = worker.post("api/worker/jobs/" + alive.jobId() + "/heartbeat",
                "{\"lease\":\"" + alive.lease() + "\"}");
        HttpResponse<String> log = worker.post("api/worker/jobs/" + alive.jobId() + "/log",
                "{\"lease\":\"" + alive.lease() + "\",\"lines\":[{\"task\":\"metadata\",\"line\":\"checking\"}]}");
        HttpResponse<String> result = worker.post("api/worker/jobs/" + alive.jobId() + "/result", resultBody(alive));
        HttpResponse<String> lateHttp = worker.post("api/worker/jobs/" + dead.jobId() + "/result", resultBody(dead));

        assertThat(alive.jobId()).isEqualTo(dead.jobId());
        assertThat(alive.attempt()).isEqualTo(dead.attempt() + 1);
        assertThat(alive.lease()).isNotEqualTo(dead.lease());
        assertThat(heartbeat.statusCode()).as(heartbeat.body()).isEqualTo(200);
        assertThat(log.statusCode()).as(log.body()).isEqualTo(204);
        assertThat(result.statusCode()).as(result.body()).isEqualTo(204);
        assertThat(lateHttp.statusCode()).isEqualTo(409);
        assertThat(lateHttp.body()).contains("lease on job " + dead.jobId() + " is lost");
        assertThatThrownBy(() -> queue.result(dead.jobId(), dead.lease(), brokenMetadataResult()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> queue.heartbeat(dead.jobId(), dead.lease())).isInstanceOf(ConflictException.class);
        assertThat(worker.post("api/worker/jobs/" + alive.jobId() + "/result", resultBody(alive)).statusCode())
                .as("a second result, even from the holder").isEqualTo(409);
        assertThat(number("SELECT COUNT(*) FROM pipeline_task_results r JOIN pipeline_jobs j ON j.id = r.job_id "
                + "WHERE j.pipeline_id = ?", pipeline)).isEqualTo(1);
        var shown = owner.json("api/v1/pipelines/" + pipeline);
        assertThat(shown.get("status").asString()).isEqualTo("failed");
        assertThat(shown.get("attempts").asInt()).isEqualTo(2);
        assertThat(shown.get("log").toString()).contains("claimed by in-process worker dead on test-host", "checking");
    }

    @Test
    void aJobWhoseEveryWorkerLostItsLeaseIsGivenUpAfterTheLastAttempt() throws Exception {
        String project = uploadedProject();
        long pipeline = owner.json(pipelines(project)).get(0).get("id").asLong();
        JobQueue queue = server.bean(JobQueue.class);
        List<Integer> attempts = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            // each claimer dies: the next claim finds the job again once its lease ran out
            attempts.add(claimPipeline(queue, "doomed-" + attempt, pipeline).attempt());
        }

        var shown = eventually("the job given up", () -> {
            queue.claim(WorkerIdentity.inProcess("bystander", "test-host"))
                    .ifPresent(other -> queue.result(other.jobId(), other.lease(), brokenMetadataResult()));
            return owner.json("api/v1/pipelines/" + pipeline);
        }, json -> json.get("status").asString().equals("error"));

        assertThat(attempts).containsExactly(1, 2, 3);
        assertThat(shown.get("attempts").asInt()).isEqualTo(3);
        assertThat(shown.get("log").toString()).contains("given up after 3 attempts: every worker lost its lease");
        assertThat(owner.json("api/v1/pipelines/" + pipeline + "/attempts").toString())
                .contains("lease expired").doesNotContain("\"running\"");
    }

    @Test
    void theWheelhouseEndpointResolvesBuildRequirementsAndRejectsAnInvalidOneNamingIt() throws Exception {
        String project = uploadedProject();
        long pipeline = owner.json(pipelines(project)).get(0).get("id").asLong();
        ClaimedJob job = claimPipeline(server.bean(JobQueue.class), "builder", pipeline);
        HttpApi worker = workerToken();
        String python = "\"python\":{\"version\":\"3.11.2\",\"platform\":\"linux\",\"machine\":\"x86_64\"}";

        HttpResponse<String> resolved = worker.post("api/worker/jobs/" + job.jobId() + "/wheelhouse",
                "{\"lease\":\"" + job.lease() + "\"," + python + ",\"buildRequires\":[\"absent-backend>=1\"]}");
        HttpResponse<String> invalid = worker.post("api/worker/jobs/" + job.jobId() + "/wheelhouse",
                "{\"lease\":\"" + job.lease() + "\"," + python + ",\"buildRequires\":[\"not a requirement!\"]}");

        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.body()).contains("\"staged\":[]", "absent-backend>=1", "not-in-index");
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.body()).contains("'buildRequires' holds an invalid requirement 'not a requirement!'");
    }

    @Test
    void concurrentClaimersNeverGetTheSameJob() throws Exception {
        String project = uploadedProject();
        Set<Long> ours = new HashSet<>();
        ours.add(owner.json(pipelines(project)).get(0).get("id").asLong());
        for (int i = 0; i < 19; i++) {
            HttpResponse<String> created = owner.post(pipelines(project), "{}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ours.add(HttpApi.parse(created.body()).get(0).get("id").asLong());
        }
        JobQueue queue = server.bean(JobQueue.class);
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        WorkerIdentity racer = WorkerIdentity.inProcess("racer", "test-host");
        Callable<Void> claimer = () -> {
            for (Optional<ClaimedJob> job = queue.claim(racer); job.isPresent(); job = queue.claim(racer)) {
                claimed.add(job.get().pipelineId());
                // finished at once, so that no lease can run out and make the job claimable again
                queue.result(job.get().jobId(), job.get().lease(), brokenMetadataResult());
            }
            return null;
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> runs = threads.invokeAll(List.of(claimer, claimer));
            for (Future<Void> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdownNow();
        }

        List<Long> ourClaims = claimed.stream().filter(ours::contains).toList();
        assertThat(ourClaims).hasSize(20).doesNotHaveDuplicates();
        assertThat(Set.copyOf(ourClaims)).isEqualTo(ours);
    }

    @Test
    void aDownstreamJobIsClaimedOnlyOnceNoOrdinaryJobWaitsHoweverOlderItIs() throws Exception {
        String project = uploadedProject();
        long downstream = owner.json(pipelines(project)).get(0).get("id").asLong();
        update("UPDATE pipeline_jobs SET priority = ? WHERE pipeline_id = ?", JobPriority.DOWNSTREAM.value(),
                downstream);
        HttpResponse<String> rerun = owner.post(pipelines(project), "{}");
        assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(201);
        long ordinary = HttpApi.parse(rerun.body()).get(0).get("id").asLong();
        JobQueue queue = server.bean(JobQueue.class);
        WorkerIdentity worker = WorkerIdentity.inProcess("ranker", "test-host");
        List<Long> ours = new ArrayList<>();
        for (Optional<ClaimedJob> job = queue.claim(worker); job.isPresent() && ours.size() < 2;
                job = queue.claim(worker)) {
            if (job.get().pipelineId() == downstream || job.get().pipelineId() == ordinary) {
                ours.add(job.get().pipelineId());
            }
            queue.result(job.get().jobId(), job.get().lease(), brokenMetadataResult());
        }

        assertThat(downstream).isLessThan(ordinary);
        assertThat(ours).containsExactly(ordinary, downstream);
    }

    @Test
    void theClaimOfAQueuedJobLooksItUpThroughAnIndex() throws Exception {
        String select = "SELECT id FROM pipeline_jobs WHERE " + JobClaims.QUEUED.condition().replace(":max", "3")
                + " ORDER BY " + JobClaims.QUEUED.order() + " LIMIT 1";
        StringBuilder plan = new StringBuilder();
        try (java.sql.Connection connection = database.connect();
                java.sql.Statement statement = connection.createStatement()) {
            boolean postgres = "postgresql".equals(databaseKind());
            if (postgres) {
                // an almost empty table is cheaper to scan: the question is whether the index serves the order
                statement.execute("SET enable_seqscan = off");
            }
            try (java.sql.ResultSet rows = statement.executeQuery("EXPLAIN " + select
                    + (postgres ? " FOR UPDATE SKIP LOCKED" : ""))) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }

        if ("postgresql".equals(databaseKind())) {
            assertThat(plan.toString().toLowerCase()).as(plan::toString).contains("pipeline_jobs_claimable")
                    .doesNotContain("sort ").doesNotContain("sort\n");
        } else {
            // H2 picks either index on status for the lookup, and sorts the queued jobs it finds
            assertThat(plan.toString().toLowerCase()).as(plan::toString).contains(": status = 'queued' */");
        }
    }

    @Test
    void workerApiNeedsAWorkerScopedToken() {
        HttpApi anonymous = HttpApi.anonymous(server.url());
        HttpApi password = owner;
        HttpApi uploadToken = token("olive", null, TokenScope.UPLOAD);
        HttpApi workerToken = workerToken();
        String lease = "{\"lease\":\"not-a-lease\"}";

        assertThat(anonymous.post("api/worker/claim", "{}").statusCode()).isEqualTo(401);
        assertThat(password.post("api/worker/claim", "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> refused = uploadToken.post("api/worker/claim", "{}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("worker scope");
        assertThat(anonymous.post("api/worker/jobs/1/heartbeat", lease).statusCode()).isEqualTo(401);
        assertThat(uploadToken.post("api/worker/jobs/1/result", lease).statusCode()).isEqualTo(403);
        assertThat(workerToken.post("api/worker/jobs/999999/heartbeat", lease).statusCode())
                .as("authenticated, but holds no lease").isEqualTo(409);
        assertThat(workerToken.post("api/worker/jobs/999999/log", lease).statusCode()).isEqualTo(404);
    }

    @Test
    void aClaimRecordsTheWorkerAndWhatItOffersAndAnOversizedOfferIsRefusedNamingTheLimit() {
        HttpApi worker = workerToken();
        String name = "offering-" + databaseKind();
        HttpResponse<String> claim = worker.post("api/worker/claim", """
                {"worker":"%s","host":"build-9.example","offer":{"version":"%s","interpreters":[
                 {"version":"3.11.7","implementation":"cpython","executable":"/usr/bin/python3.11",
                  "tags":["cp311-cp311-manylinux_2_36_x86_64"]}],"tasks":["build","install","test"]}}"""
                .formatted(name, AssayVersion.current()));
        HttpResponse<String> again = worker.post("api/worker/claim", "{\"worker\":\"%s\"}".formatted(name));
        HttpResponse<String> oversized = worker.post("api/worker/claim",
                "{\"worker\":\"x\",\"offer\":{\"version\":\"" + "9".repeat(101) + "\"}}");

        assertThat(claim.statusCode()).as(claim.body()).isIn(200, 204);
        assertThat(again.statusCode()).as(again.body()).isIn(200, 204);
        KnownWorker known = server.bean(Workers.class).all().stream()
                .filter(seen -> seen.name().equals(name)).findFirst().orElseThrow();
        assertThat(known.host()).as("the host of the last claim, which sent none").isNull();
        assertThat(known.offer().version()).as("the last claim offered nothing").isNull();
        assertThat(known.lastSeen()).isAfterOrEqualTo(known.firstSeen());
        assertThat(server.bean(Workers.class).all().stream().filter(seen -> seen.name().equals(name)))
                .as("one row per worker, however often it claims").hasSize(1);
        assertThat(oversized.statusCode()).isEqualTo(400);
        assertThat(oversized.body()).contains("a worker's version is at most 100 characters");
    }

    @Test
    void theOfferOfAClaimIsKeptWithTheWorker() {
        String name = "offer-kept-" + databaseKind();
        WorkerOffer offer = new WorkerOffer(AssayVersion.current(), List.of(new WorkerOffer.Interpreter("3.12.1", "cpython",
                "/opt/python3.12/bin/python3", List.of("cp312-cp312-linux_x86_64"))), List.of("build", "lines"));

        server.bean(JobQueue.class).claim(WorkerIdentity.inProcess(name, "here"), offer);

        KnownWorker known = server.bean(Workers.class).all().stream()
                .filter(seen -> seen.name().equals(name)).findFirst().orElseThrow();
        assertThat(known.offer()).isEqualTo(offer);
        assertThat(known.kind()).isEqualTo("in-process");
        assertThat(known.host()).isEqualTo("here");
    }

    private static String resultBody(ClaimedJob job) {
        return """
                {"lease":"%s","tasks":[{"name":"metadata","outcome":"failed","startedAt":"2026-01-01T00:00:00Z",
                 "endedAt":"2026-01-01T00:00:01Z","durationMs":1000,"summary":"failed: broken on purpose",
                 "findings":[{"severity":"error","code":"test/broken","message":"broken on purpose"}],
                 "rawData":{"values":{}}}]}""".formatted(job.lease());
    }
}
