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
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.git.GitCommand;
import dev.assay.server.testing.AssayProcess;
import dev.assay.server.testing.AssayProcess.Outcome;
import dev.assay.server.testing.AssayProcess.Server;
import dev.assay.server.testing.Eventually;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.ObjectStorageServer;
import dev.assay.server.testing.RoundRobinProxy;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.tasks.sandbox.Sandbox;
import tools.jackson.databind.JsonNode;

/**
 * Several servers with nothing on disk in common but the git repositories: two {@code ./assay serve} processes, each
 * with a data directory of its own, on one PostgreSQL database, keeping files and raw data in one S3 bucket
 * (S3Proxy) and the git repositories in one shared directory, behind a round-robin nginx, with default settings for
 * the kept pages and no in-process workers; two {@code ./assay worker} processes claim through the proxy. Every
 * upload shows at once on the other server's simple page, every file downloads from the other server, a push through
 * one is read through both, each pipeline job is claimed once and its result shows through both servers.
 */
class SeveralServersOnObjectStoreIT {

    private static final String PASSWORD = "s3cret-passw0rd";
    private static final String PREFIX = "it";
    private static final int UPLOADS = 8;
    private static final Pattern CLAIMED = Pattern.compile("claimed job (\\d+) of pipeline");

    @Test
    void twoServersOnABucketAndASharedGitDirectoryServeAsOneWithRemoteWorkers(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(Sandbox.probe().sandbox().isPresent() || "true".equals(System.getenv("CI")),
                "no sandbox on this machine");
        // the sandbox runs as nobody, who must reach the workers' workspaces below this folder
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        Path firstData = work.resolve("data-1");
        Path secondData = work.resolve("data-2");
        try (TestDatabase database = TestDatabase.postgres();
                ObjectStorageServer bucket = ObjectStorageServer.start("several-servers")) {
            AssayProcess assay = new AssayProcess(environment(database, bucket, work.resolve("git")));
            try (Server first = assay.serve(firstData, work.resolve("first.log"));
                    Server second = assay.serve(secondData, work.resolve("second.log"));
                    RoundRobinProxy proxy = RoundRobinProxy.start(work.resolve("nginx"),
                            List.of(first.port(), second.port()))) {
                assay.addAdmin("olga", PASSWORD, firstData);
                Map<String, Server> byUpstream = RoundRobinProxy.byUpstream(first, second);
                List<Process> workers = startWorkers(assay, firstData, proxy, work);
                try {
                    Map<Path, Server> uploaded = uploadAndReadThroughTheOther(proxy, byUpstream, work);
                    eachFileDownloadsFromTheOtherServer(uploaded, byUpstream, bucket);
                    pushThroughOneReadThroughBoth(proxy, first, second, work);
                    awaitPipelinesDone(database, UPLOADS + 1, workers, work);
                    assertClaimedOnceByTheWorkers(database, work);
                    pipelinesShowThroughBothServers(first, second);
                } finally {
                    workers.forEach(Process::destroyForcibly);
                }
                assertThat(Files.exists(firstData.resolve("files")) || Files.exists(secondData.resolve("files")))
                        .as("no distribution file kept in a data directory but as a cached copy").isFalse();
            }
        }
    }

    /** The servers' environment: the database, the bucket, the shared git directory, no in-process workers. */
    private static Map<String, String> environment(TestDatabase database, ObjectStorageServer bucket, Path git) {
        Map<String, String> environment = new HashMap<>(database.launchEnvironment());
        bucket.settings(PREFIX).forEach((key, value) -> environment.put(
                key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), String.valueOf(value)));
        environment.put("ASSAY_GIT_DIRECTORY", git.toString());
        environment.put("ASSAY_REVIEW_NEW_PROJECTS", "false");
        environment.put("ASSAY_PIPELINE_WORKERS", "0");
        return environment;
    }

    /** Two {@code ./assay worker} processes whose server is the proxy, each claiming before this returns. */
    private static List<Process> startWorkers(AssayProcess assay, Path data, RoundRobinProxy proxy, Path work)
            throws Exception {
        List<Process> workers = new ArrayList<>();
        for (String name : List.of("alpha", "beta")) {
            Outcome token = assay.run("", "token", "create", "olga", "--scope", "worker", "--data", data.toString());
            assertThat(token.exitCode()).as(token.stderr()).isZero();
            Path log = work.resolve(name + ".log");
            workers.add(new AssayProcess(Map.of("ASSAY_WORKER_SERVER", proxy.url(), "ASSAY_WORKER_TOKEN",
                    token.stdout().strip())).start(log, "worker", "--name", name, "--heartbeat", "2", "--work",
                    work.resolve("work-" + name).toString()));
            Eventually.until(name + " claiming", Duration.ofMinutes(2), () -> read(log),
                    text -> text.contains("claiming jobs from"));
        }
        return workers;
    }

    /**
     * Versions of one project uploaded through the proxy; before each but the first, both servers keep the project's
     * page (read twice: the second answer comes from the fast path); right after it, the server that did not take the upload
     * lists the new file. Returns each uploaded wheel with the server that took it.
     */
    private static Map<Path, Server> uploadAndReadThroughTheOther(RoundRobinProxy proxy, Map<String, Server> servers,
            Path work) throws Exception {
        Map<Path, Server> uploaded = new LinkedHashMap<>();
        for (int version = 1; version <= UPLOADS; version++) {
            TestDistributions.Spec spec = new TestDistributions.Spec("Bucket_Pkg", version + ".0",
                    List.of("Summary: kept in a bucket"), "");
            Path wheel = TestDistributions.wheel(Files.createDirectories(work.resolve("dist-" + version)), spec);
            for (Server server : version == 1 ? List.<Server>of() : servers.values()) {
                get(server.url() + "simple/bucket-pkg/");
                get(server.url() + "simple/bucket-pkg/");
            }
            HttpResponse<String> upload = spec.request(wheel).send(proxy.url(), "olga", PASSWORD);
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
            Server taker = servers.get(upload.headers().firstValue(RoundRobinProxy.UPSTREAM).orElseThrow());
            Server other = otherThan(servers, taker);
            assertThat(get(other.url() + "simple/bucket-pkg/").body())
                    .as("the other server's page right after upload %d", version)
                    .contains(wheel.getFileName().toString());
            uploaded.put(wheel, taker);
        }
        assertThat(uploaded.values()).as("round robin: uploads through both servers")
                .containsAll(servers.values());
        return uploaded;
    }

    /** Each file, downloaded from the server that did not take its upload, is the uploaded file; it is in the bucket. */
    private static void eachFileDownloadsFromTheOtherServer(Map<Path, Server> uploaded, Map<String, Server> servers,
            ObjectStorageServer bucket) throws Exception {
        for (Map.Entry<Path, Server> file : uploaded.entrySet()) {
            String name = file.getKey().getFileName().toString();
            Server other = otherThan(servers, file.getValue());
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(other.url() + "files/bucket-pkg/" + name)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).as(name).isEqualTo(200);
            assertThat(sha256(download.body())).as(name).isEqualTo(sha256(Files.readAllBytes(file.getKey())));
            assertThat(bucket.keys(PREFIX + "/files/bucket-pkg/")).contains(PREFIX + "/files/bucket-pkg/" + name);
        }
    }

    /** A commit pushed through the proxy lands in the shared git directory: both servers list it. */
    private static void pushThroughOneReadThroughBoth(RoundRobinProxy proxy, Server first, Server second, Path work)
            throws Exception {
        GitCommand git = new GitCommand(Files.createDirectories(work.resolve("git-home")));
        Path tree = Files.createDirectories(work.resolve("tree"));
        git.run(tree, "init", "-q").succeeded();
        String commit = git.commit(tree, "README.md", "kept in a shared directory\n", "First");
        String credentials = "olga:" + PASSWORD + "@";
        git.run(tree, "push", "-q", proxy.url().replace("://", "://" + credentials) + "git/bucket-pkg.git",
                "HEAD:refs/heads/main").succeeded();
        for (Server server : List.of(first, second)) {
            String refs = git.run(tree, "ls-remote", server.url().replace("://", "://" + credentials)
                    + "git/bucket-pkg.git").succeeded().output();
            assertThat(refs).as(server.url()).contains(commit + "\trefs/heads/main");
        }
    }

    /** Waits for the pipelines (one per upload and per push; a job per Python version each) to be done. */
    private static void awaitPipelinesDone(TestDatabase database, int pipelines, List<Process> workers, Path work) {
        Eventually.until("every pipeline job finished", Duration.ofMinutes(10),
                () -> database.count("SELECT count(*) FROM pipelines") == pipelines && database.count(
                        "SELECT count(*) FROM pipeline_jobs WHERE status NOT IN ('finished', 'error')") == 0,
                done -> {
                    if (workers.stream().anyMatch(worker -> !worker.isAlive())) {
                        throw new AssertionError("a worker ended:\n" + read(work.resolve("alpha.log")) + "\n"
                                + read(work.resolve("beta.log")));
                    }
                    return done;
                });
    }

    /** Each job claimed once: one attempt in the database, one claim in the two workers' logs, both took some. */
    private static void assertClaimedOnceByTheWorkers(TestDatabase database, Path work) {
        int jobs = Math.toIntExact(database.count("SELECT count(*) FROM pipeline_jobs"));
        assertThat(database.count("SELECT count(*) FROM pipeline_jobs WHERE attempts <> 1 OR status <> 'finished'"))
                .as("jobs claimed more than once or not finished").isZero();
        List<String> claims = new ArrayList<>();
        for (String worker : List.of("alpha", "beta")) {
            Matcher claimed = CLAIMED.matcher(read(work.resolve(worker + ".log")));
            assertThat(claimed.find()).as(worker + " claimed a job").isTrue();
            do {
                claims.add(claimed.group(1));
            } while (claimed.find());
        }
        assertThat(claims).as("claims logged by the workers").hasSize(jobs).doesNotHaveDuplicates();
    }

    /** Every release's pipeline, read through each server, is done and ran on one of the two workers. */
    private static void pipelinesShowThroughBothServers(Server first, Server second) {
        for (int version = 1; version <= UPLOADS; version++) {
            String path = "api/v1/projects/bucket-pkg/releases/" + version + ".0/pipelines";
            List<String> seen = new ArrayList<>();
            for (Server server : List.of(first, second)) {
                JsonNode pipelines = HttpApi.anonymous(server.url()).json(path);
                assertThat(pipelines.size()).as(server.url() + path).isEqualTo(1);
                JsonNode pipeline = pipelines.get(0);
                assertThat(pipeline.get("finishedAt").isNull()).as(pipeline::toString).isFalse();
                assertThat(pipeline.get("worker").get("name").asString()).matches("(alpha|beta)/.*");
                seen.add(pipeline.get("id").asString() + " " + pipeline.get("status").asString());
            }
            assertThat(seen.get(0)).as("the same pipeline through both servers").isEqualTo(seen.get(1));
        }
    }

    private static Server otherThan(Map<String, Server> servers, Server server) {
        return servers.values().stream().filter(candidate -> candidate != server).findFirst().orElseThrow();
    }

    private static HttpResponse<String> get(String url) {
        try {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(url).isEqualTo(200);
            return page;
        } catch (IOException | InterruptedException failure) {
            throw new AssertionError(failure);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
