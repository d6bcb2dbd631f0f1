package dev.assay.server.pipeline.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.testing.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * Who may run pipelines, tried the way an attacker would: worker tokens of users who are not administrators (or
 * no longer are) are refused on every call; and every pipeline's report names the worker that produced it, with
 * log lines that keep the time they were written.
 */
abstract class WorkerTrustContract extends PipelineFixture {

    private static final AtomicLong USERS = new AtomicLong();

    @Override
    protected Map<String, Object> pipelineSettings() {
        return Map.of("assay.pipeline.workers", 0, "assay.pipeline.lease", "30s");
    }

    @Test
    void aWorkerTokenOfAUserWhoIsNotAnAdministratorPutStraightIntoTheDatabaseIsRefused() throws Exception {
        uploadedProject();
        String secret = "assay_planted" + USERS.incrementAndGet() + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        update("INSERT INTO api_tokens (user_id, description, token_hash, prefix, project, scopes, created_at) "
                + "SELECT id, 'planted', ?, ?, NULL, 'worker', CURRENT_TIMESTAMP FROM users WHERE name = 'olive'",
                sha256(secret), secret.substring(0, 12));
        HttpApi planted = new HttpApi(server.url(), "__token__", secret);

        HttpResponse<String> hello = planted.get("api/worker/hello");
        HttpResponse<String> claim = planted.post("api/worker/claim", "{\"worker\":\"forger\"}");

        assertThat(hello.statusCode()).as(hello.body()).isEqualTo(403);
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
        assertThat(claim.body()).contains("olive is not an administrator");
        assertThat(number("SELECT COUNT(*) FROM pipeline_jobs WHERE lease_holder LIKE '%forger'")).isZero();
    }

    @Test
    void demotingTheOwnerOfAWorkerTokenStopsItsWorkerAtItsNextCall() throws Exception {
        String name = "root" + USERS.incrementAndGet();
        server.bean(AccountService.class).create(new NewUser(name, name + "@example.org", "", PASSWORD,
                java.util.Set.of(Group.ADMINS)));
        HttpApi worker = token(name, null, dev.assay.server.accounts.tokens.TokenScope.WORKER);
        long pipeline = owner.json(pipelines(uploadedProject())).get(0).get("id").asLong();
        JsonNode claimed = claimOverHttp(worker, pipeline, "{\"worker\":\"soon-demoted\"}");
        String lease = "{\"lease\":\"" + claimed.get("lease").asString() + "\"}";
        String job = "api/worker/jobs/" + claimed.get("jobId").asLong();
        assertThat(worker.post(job + "/heartbeat", lease).statusCode()).isEqualTo(200);

        update("DELETE FROM user_group_members WHERE group_name = 'admins' AND user_id = "
                + "(SELECT id FROM users WHERE name = ?)", name);
        HttpResponse<String> heartbeat = worker.post(job + "/heartbeat", lease);
        HttpResponse<String> result = worker.post(job + "/result", passedResult(claimed.get("lease").asString()));
        HttpResponse<String> claim = worker.post("api/worker/claim", "{\"worker\":\"soon-demoted\"}");

        assertThat(heartbeat.statusCode()).as(heartbeat.body()).isEqualTo(403);
        assertThat(result.statusCode()).as(result.body()).isEqualTo(403);
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
        JsonNode problem = HttpApi.parse(result.body());
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("detail").asString()).contains("owner " + name + " is not an administrator");
        assertThat(owner.json("api/v1/pipelines/" + pipeline).get("tasks")).as("no result recorded").isEmpty();
    }

    @Test
    void aWorkerWhoseOwnerIsDemotedStopsAtItsNextCallSayingWhy() throws Exception {
        String name = "root" + USERS.incrementAndGet();
        server.bean(AccountService.class).create(new NewUser(name, name + "@example.org", "", PASSWORD,
                java.util.Set.of(Group.ADMINS)));
        String secret = server.bean(dev.assay.server.accounts.tokens.TokenService.class).create(
                new dev.assay.server.accounts.tokens.NewToken(name, "w", null,
                        java.util.Set.of(dev.assay.server.accounts.tokens.TokenScope.WORKER))).secret();
        HttpJobSource source = new HttpJobSource(java.net.URI.create(server.url()), secret);
        source.hello();
        WorkerPool pool = new WorkerPool(source, new JobRunner(server.bean(PipelineTasks.class), source,
                Duration.ofMinutes(1), data.resolve("demoted-work"), Clock.systemUTC()), 1, Duration.ofSeconds(1),
                Duration.ofMillis(100), Clock.systemUTC());
        update("DELETE FROM user_group_members WHERE group_name = 'admins' AND user_id = "
                + "(SELECT id FROM users WHERE name = ?)", name);
        pool.start("demoted");
        try {
            String reason = pool.refused().get(60, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(reason).contains("HTTP 403", "owner " + name + " is not an administrator");
        } finally {
            pool.stopNow();
        }
    }

    @Test
    void theServerSaysItsBuildVersionAndRefusesAWorkerOfAnotherAtHelloAndAtEveryClaim() {
        HttpApi worker = workerToken();
        String current = dev.assay.server.pipeline.AssayVersion.current();

        HttpResponse<String> hello = worker.get("api/worker/hello?version=" + current);
        HttpResponse<String> otherHello = worker.get("api/worker/hello?version=0.0.1-other");
        HttpResponse<String> otherClaim = worker.post("api/worker/claim",
                "{\"worker\":\"old-1/1\",\"offer\":{\"version\":\"0.0.1-other\"}}");

        assertThat(current).as("the build's version, not the fallback").isNotEqualTo("dev").matches("\\d+\\.\\d+.*");
        assertThat(hello.statusCode()).as(hello.body()).isEqualTo(200);
        assertThat(HttpApi.parse(hello.body()).get("version").asString()).isEqualTo(current);
        for (HttpResponse<String> refused : List.of(otherHello, otherClaim)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(426);
            assertThat(HttpApi.parse(refused.body()).get("detail").asString()).isEqualTo("this worker is Assay "
                    + "0.0.1-other and the server is Assay " + current + ": server and workers must run the same "
                    + "version; install Assay " + current + " on the worker");
        }
        assertThat(number("SELECT COUNT(*) FROM workers WHERE name = 'old-1/1'")).as("a refused worker claims nothing")
                .isZero();
    }

    @Test
    void aWorkerOfAnotherVersionStopsAtItsFirstClaimSayingWhy() throws Exception {
        String secret = server.bean(dev.assay.server.accounts.tokens.TokenService.class).create(
                new dev.assay.server.accounts.tokens.NewToken(ADMIN, "w", null,
                        java.util.Set.of(dev.assay.server.accounts.tokens.TokenScope.WORKER))).secret();
        HttpJobSource source = new HttpJobSource(java.net.URI.create(server.url()), secret);
        WorkerPool pool = new WorkerPool(source, new JobRunner(server.bean(PipelineTasks.class), source,
                Duration.ofMinutes(1), data.resolve("old-work"), Clock.systemUTC()), 1, Duration.ofSeconds(1),
                Duration.ofMillis(100), Clock.systemUTC(), new dev.assay.server.pipeline.WorkerOffer("0.0.1-other",
                        List.of(), List.of()));
        pool.start("old");
        try {
            String reason = pool.refused().get(60, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(reason).startsWith("the Assay server " + server.url() + " refuses this worker: this worker "
                    + "is Assay 0.0.1-other and the server is Assay " + dev.assay.server.pipeline.AssayVersion.current());
        } finally {
            pool.stopNow();
        }
    }

    @Test
    void theReportNamesTheRemoteWorkerThatProducedItByTokenOwnerAndHost() {
        String project;
        try {
            project = uploadedProject();
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
        long pipeline = owner.json(pipelines(project)).get(0).get("id").asLong();
        HttpApi worker = workerToken();
        long tokenId = number("SELECT MAX(id) FROM api_tokens");
        JsonNode claimed = claimOverHttp(worker, pipeline, "{\"worker\":\"build-7/1\",\"host\":\"build-7.example\"}");
        HttpResponse<String> result = worker.post("api/worker/jobs/" + claimed.get("jobId").asLong() + "/result",
                passedResult(claimed.get("lease").asString()));
        assertThat(result.statusCode()).as(result.body()).isEqualTo(204);

        JsonNode shown = owner.json("api/v1/pipelines/" + pipeline).get("worker");
        String page = HttpApi.anonymous(server.url()).get("pipelines/" + pipeline).body();

        assertThat(shown.get("kind").asString()).isEqualTo("remote");
        assertThat(shown.get("name").asString()).isEqualTo("build-7/1");
        assertThat(shown.get("host").asString()).isEqualTo("build-7.example");
        assertThat(shown.get("owner").asString()).isEqualTo(ADMIN);
        assertThat(shown.get("tokenId").asLong()).isEqualTo(tokenId);
        assertThat(shown.get("tokenPrefix").asString()).startsWith("assay_");
        assertThat(shown.get("description").asString()).isEqualTo("remote worker build-7/1 on build-7.example (token "
                + tokenId + ", " + shown.get("tokenPrefix").asString() + "…, of " + ADMIN + ")");
        assertThat(org.jsoup.Jsoup.parse(page).select("#pipeline-worker").text())
                .isEqualTo(shown.get("description").asString());
    }

    @Test
    void logLinesKeepTheTimeTheyWereWrittenNotTheTimeTheyWereSent() throws Exception {
        long pipeline = owner.json(pipelines(uploadedProject())).get(0).get("id").asLong();
        // a clock that moves on by a millisecond whenever it is read: every line is written at another time
        Clock ticking = new Ticking(Instant.now());
        JobSource source = server.bean(InProcessJobSource.class);
        JobRunner runner = new JobRunner(server.bean(PipelineTasks.class), source, Duration.ofMinutes(1),
                data.resolve("ticking-work"), ticking);
        // no heartbeat before the job ends: every line is sent in one batch, after the tasks ran
        WorkerPool pool = new WorkerPool(source, runner, 1, Duration.ofHours(1), Duration.ofMillis(100), ticking);
        pool.start("ticking");
        try {
            finishedPipeline(owner.json("api/v1/pipelines/" + pipeline).get("project").asString());
        } finally {
            pool.stop(Duration.ofSeconds(10));
        }

        List<Instant> written = new ArrayList<>();
        owner.json("api/v1/pipelines/" + pipeline).get("log").forEach(line -> {
            if (!line.get("task").isNull()) {
                written.add(Instant.parse(line.get("at").asString()));
            }
        });
        assertThat(written).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void theWorkerApiKeepsTheTimesOfLinesAndReplacesImpossibleOnes() throws Exception {
        long pipeline = owner.json(pipelines(uploadedProject())).get(0).get("id").asLong();
        HttpApi worker = workerToken();
        JsonNode claimed = claimOverHttp(worker, pipeline, "{\"worker\":\"timed\"}");
        Instant first = Instant.now().minusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant second = first.plusMillis(1500);

        HttpResponse<String> log = worker.post("api/worker/jobs/" + claimed.get("jobId").asLong() + "/log", """
                {"lease":"%s","lines":[{"task":"test","line":"one","at":"%s"},{"task":"test","line":"two","at":"%s"},
                 {"task":"test","line":"from the future","at":"+100000-01-01T00:00:00Z"}]}"""
                .formatted(claimed.get("lease").asString(), first, second));

        assertThat(log.statusCode()).as(log.body()).isEqualTo(204);
        Map<String, Instant> at = new java.util.HashMap<>();
        owner.json("api/v1/pipelines/" + pipeline).get("log")
                .forEach(line -> at.put(line.get("line").asString(), Instant.parse(line.get("at").asString())));
        assertThat(at.get("one")).isEqualTo(first);
        assertThat(at.get("two")).isEqualTo(second);
        assertThat(at.get("from the future")).isBefore(Instant.now().plusSeconds(60));
    }

    /** Claims over the worker API until {@code pipeline}'s job comes, finishing jobs that other tests left. */
    private JsonNode claimOverHttp(HttpApi worker, long pipeline, String body) {
        return eventually("a claim of pipeline " + pipeline, () -> {
            HttpResponse<String> claim = worker.post("api/worker/claim", body);
            assertThat(claim.statusCode()).as(claim.body()).isIn(200, 204);
            if (claim.statusCode() == 204) {
                return null;
            }
            JsonNode job = HttpApi.parse(claim.body());
            if (job.get("pipelineId").asLong() != pipeline) {
                worker.post("api/worker/jobs/" + job.get("jobId").asLong() + "/result",
                        passedResult(job.get("lease").asString()));
                return null;
            }
            return job;
        }, job -> job != null);
    }

    private static String passedResult(String lease) {
        Instant now = Instant.now();
        return """
                {"lease":"%s","tasks":[{"name":"test","outcome":"passed","startedAt":"%s","endedAt":"%s",
                 "durationMs":0,"summary":"passed","findings":[],"rawData":{"values":{}}}]}""".formatted(lease, now, now);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A clock that advances by a millisecond each time it is read. */
    private static final class Ticking extends Clock {
        private final Instant start;
        private final AtomicLong reads = new AtomicLong();

        Ticking(Instant start) {
            this.start = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusMillis(reads.incrementAndGet());
        }
    }
}
