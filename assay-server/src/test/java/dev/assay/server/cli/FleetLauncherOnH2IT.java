package dev.assay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.testing.AssayProcess;
import dev.assay.server.testing.AssayProcess.Outcome;
import dev.assay.server.testing.AssayProcess.Server;
import dev.assay.server.testing.Eventually;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.TestDistributions;
import dev.assay.tasks.sandbox.Sandbox;
import tools.jackson.databind.JsonNode;

/**
 * Two real {@code ./assay worker} processes against a real {@code ./assay serve} without in-process workers: 20
 * uploads each processed exactly once; a worker killed with SIGKILL mid-job, whose job then finishes on the other
 * after the lease; and a revoked token that stops a worker at its next claim.
 */
class FleetLauncherOnH2IT {

    private static final int UPLOADS = 20;
    private static final Duration DEADLINE = Duration.ofMinutes(10);

    @Test
    void twoWorkerProcessesRunEachJobOnceSurviveASigkillAndStopOnARevokedToken(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(Sandbox.probe().sandbox().isPresent() || "true".equals(System.getenv("CI")),
                "no sandbox on this machine");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        Path data = work.resolve("data");
        AssayProcess serve = new AssayProcess(Map.of("ASSAY_PIPELINE_WORKERS", "0", "ASSAY_REVIEW_NEW_PROJECTS",
                "false", "ASSAY_PIPELINE_LEASE", "10s"));
        try (Server server = serve.serve(data, work.resolve("serve.log"))) {
            Outcome added = serve.run("s3cret-passw0rd\n", "user", "add", "wendy", "--email", "wendy@example.org",
                    "--admin", "--password-stdin", "--data", data.toString());
            assertThat(added.exitCode()).as(added.stderr()).isZero();
            HttpApi wendy = new HttpApi(server.url(), "wendy", "s3cret-passw0rd");
            String upload = token(serve, data, "upload");
            Map<String, Process> workers = new HashMap<>();
            Map<String, Path> logs = new HashMap<>();
            for (String name : List.of("alpha", "beta")) {
                logs.put(name, work.resolve(name + ".log"));
                workers.put(name, new AssayProcess(Map.of("ASSAY_WORKER_SERVER", server.url(), "ASSAY_WORKER_TOKEN",
                        token(serve, data, "worker"))).start(logs.get(name), "worker", "--name", name, "--heartbeat",
                        "2", "--work", work.resolve("work-" + name).toString()));
            }
            try {
                for (String name : workers.keySet()) {
                    Eventually.until(name + " claiming", Duration.ofMinutes(2), () -> read(logs.get(name)),
                            log -> log.contains("claiming jobs from"));
                }
                eachOfTwentyUploadsIsProcessedExactlyOnceByTheTwoWorkers(server, upload, work);
                String killed = aWorkerKilledMidJobLosesItToTheOther(server, wendy, upload, work, workers);
                String survivor = killed.equals("alpha") ? "beta" : "alpha";
                aRevokedTokenStopsTheWorkerAtItsNextClaim(serve, data, wendy, workers.get(survivor),
                        logs.get(survivor), survivor);
            } finally {
                workers.values().forEach(Process::destroyForcibly);
            }
        }
    }

    private static void eachOfTwentyUploadsIsProcessedExactlyOnceByTheTwoWorkers(Server server, String upload,
            Path work) throws Exception {
        Path wheels = Files.createDirectories(work.resolve("wheels"));
        for (int i = 1; i <= UPLOADS; i++) {
            TestDistributions.Spec spec = new TestDistributions.Spec("fleet-" + i, "1.0",
                    List.of("Requires-Python: >=3.8"), "A wheel of the fleet test.\n");
            spec.upload(TestDistributions.wheel(wheels, spec), server.url(), "__token__", upload);
        }
        HttpApi anyone = HttpApi.anonymous(server.url());
        List<String> ranBy = new ArrayList<>();
        for (int i = 1; i <= UPLOADS; i++) {
            String project = "fleet-" + i;
            JsonNode pipelines = Eventually.until("the pipeline of " + project, DEADLINE,
                    () -> anyone.json("api/v1/projects/" + project + "/releases/1.0/pipelines"),
                    list -> list.size() == 1 && !list.get(0).get("finishedAt").isNull());
            List<JsonNode> attempts = attempts(anyone, pipelines.get(0).get("id").asLong());
            assertThat(attempts).as(project + ": one attempt, finished").hasSize(1);
            assertThat(attempts.get(0).get("ended").asString()).isEqualTo("finished");
            assertThat(pipelines.get(0).get("attempts").asInt()).as(pipelines::toString).isEqualTo(1);
            ranBy.add(pipelines.get(0).get("worker").get("name").asString().replaceAll("/.*", ""));
        }
        assertThat(ranBy).as("every job ran on one of the two workers, both took some").containsOnly("alpha", "beta")
                .contains("alpha", "beta");
    }

    private static String aWorkerKilledMidJobLosesItToTheOther(Server server, HttpApi wendy, String upload, Path work,
            Map<String, Process> workers) throws Exception {
        // an sdist whose test sleeps: the job is surely still running when its worker is killed
        PythonDistributions.Built slow = PythonDistributions.build(Files.createDirectories(work.resolve("slow")),
                PythonDistributions.Spec.of("fleet-slow", "1.0").withFiles(Map.of("tests/test_slow.py",
                        "import time\n\ndef test_slow():\n    time.sleep(15)\n")));
        PythonTools.twineUpload(server.url(), "__token__", upload, slow.sdist()).assertSucceeded();
        JsonNode holder = Eventually.until("a worker running the slow job", DEADLINE,
                () -> StreamSupport.stream(wendy.json("api/v1/admin/workers").spliterator(), false)
                        .filter(worker -> !worker.get("runningJobs").isEmpty()).findFirst().orElse(null),
                worker -> worker != null);
        String killed = holder.get("name").asString().replaceAll("/.*", "");
        Process victim = workers.get(killed);
        victim.destroyForcibly();
        assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(victim.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        HttpApi anyone = HttpApi.anonymous(server.url());
        JsonNode pipeline = Eventually.until("the slow pipeline", DEADLINE,
                () -> anyone.json("api/v1/projects/fleet-slow/releases/1.0/pipelines").get(0),
                found -> found != null && !found.get("finishedAt").isNull());
        List<JsonNode> attempts = attempts(anyone, pipeline.get("id").asLong());
        assertThat(attempts).extracting(attempt -> attempt.get("ended").asString()).as(attempts::toString)
                .containsExactly("lease expired", "finished");
        assertThat(attempts.get(0).get("worker").asString()).startsWith("remote worker " + killed + "/1");
        assertThat(attempts.get(1).get("worker").asString()).doesNotStartWith("remote worker " + killed + "/");
        assertThat(pipeline.get("status").asString()).as(pipeline::toString).isIn("passed", "failed");
        return killed;
    }

    private static void aRevokedTokenStopsTheWorkerAtItsNextClaim(AssayProcess serve, Path data, HttpApi wendy,
            Process worker, Path log, String name) throws Exception {
        long token = StreamSupport.stream(wendy.json("api/v1/admin/workers").spliterator(), false)
                .filter(seen -> seen.get("name").asString().startsWith(name + "/")).findFirst().orElseThrow()
                .get("tokenId").asLong();
        Outcome revoked = serve.run("", "token", "revoke", String.valueOf(token), "--data", data.toString());
        assertThat(revoked.exitCode()).as(revoked.stderr()).isZero();

        assertThat(worker.waitFor(2, TimeUnit.MINUTES)).as("the worker stops at its next claim").isTrue();
        assertThat(worker.exitValue()).isEqualTo(1);
        assertThat(read(log)).contains("refused the worker token (HTTP 401)");
    }

    private static List<JsonNode> attempts(HttpApi api, long pipeline) {
        HttpResponse<String> answer = api.get("api/v1/pipelines/" + pipeline + "/attempts");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return StreamSupport.stream(HttpApi.parse(answer.body()).spliterator(), false).toList();
    }

    private static String token(AssayProcess assay, Path data, String scope) throws Exception {
        Outcome created = assay.run("", "token", "create", "wendy", "--scope", scope, "--data", data.toString());
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        return created.stdout().strip();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }
}
