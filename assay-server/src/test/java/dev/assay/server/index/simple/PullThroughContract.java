package dev.assay.server.index.simple;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.StaticUpstream;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestServer;
import dev.assay.server.upstream.config.UpstreamRepository;
import dev.assay.server.upstream.files.UpstreamFileCache;
import dev.assay.server.upstream.rules.NameRule;
import dev.assay.server.upstream.rules.NameRuleRepository;

/**
 * Names Assay does not host, answered from upstream indexes as pip sees them: pages, downloads kept and checked,
 * hosted names shadowing upstream ones, reserved names, and another Assay as upstream.
 */
abstract class PullThroughContract extends IndexFixture {

    private Pip pip;

    @Override
    Map<String, Object> serverProperties() {
        // every page request revalidates, so a stopped upstream shows at once as a stale page; a stalled
        // download fails after seconds, not a minute
        return Map.of("assay.upstream.fetch.page-ttl", "0s", "assay.upstream.fetch.read-timeout", "5s");
    }

    @AfterEach
    void forgetUpstreams() {
        UpstreamRepository upstreams = server.bean(UpstreamRepository.class);
        upstreams.list().forEach(upstream -> upstreams.delete(upstream.id()));
    }

    Pip pip() {
        if (pip == null) {
            pip = Pip.inNewVirtualEnvironment(build.resolve("venv"));
        }
        return pip;
    }

    void useUpstream(String url) {
        useUpstream(url, 0);
    }

    void useUpstream(String url, int quarantineDays) {
        UpstreamRepository upstreams = server.bean(UpstreamRepository.class);
        upstreams.insert(url, Optional.empty(), Optional.empty(), upstreams.nextPriority(), quarantineDays, false,
                Instant.now());
    }

    PythonTools.Outcome pipInstall(Pip installer, Path target, String... requirements) {
        return installer.install(server.url() + "simple/", target, requirements);
    }

    @Test
    void aDownloadWhoseBytesDifferFromUpstreamsHashIsABadGatewayAndIsNeverKept(@TempDir Path target)
            throws IOException {
        String name = unique("tampered-upstream");
        byte[] wheel = wheelBytes(name);
        String filename = wheelName(name);
        byte[] other = wheel.clone();
        other[other.length / 2] ^= 0x55;
        try (HandMadeUpstream upstream = HandMadeUpstream.start()) {
            upstream.list(name, filename, sha256(wheel), other);
            useUpstream(upstream.url());

            HttpResponse<String> page = get("simple/" + name + "/");
            HttpResponse<String> download = get("upstream/files/" + name + "/" + filename);
            HttpResponse<String> again = get("upstream/files/" + name + "/" + filename);
            PythonTools.Outcome run = pipInstall(pip(), target, name);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("/upstream/files/" + name + "/" + filename + "#sha256=" + sha256(wheel));
            assertThat(header(page, "X-Assay-Upstream")).isEqualTo(upstream.url());
            assertThat(get("simple/" + name + "/", "If-None-Match", header(page, "ETag")).statusCode())
                    .isEqualTo(304);
            HttpResponse<String> unlisted = get("upstream/files/" + name + "/" + name + "-9.0-py3-none-any.whl");
            assertThat(unlisted.statusCode()).isEqualTo(404);
            assertThat(unlisted.body()).contains("There is no file");
            assertThat(download.statusCode()).as(download.body()).isEqualTo(502);
            assertThat(download.body()).contains(upstream.url(), "sha256 differs: upstream lists " + sha256(wheel),
                    "the download has " + sha256(other));
            assertThat(again.statusCode()).as("nothing was kept: upstream is asked again").isEqualTo(502);
            assertThat(upstream.requests("/files/" + filename)).isGreaterThanOrEqualTo(2);
            assertThat(run.exitCode()).as(run.output()).isNotZero();
            assertThat(server.bean(UpstreamFileCache.class).kept(name, filename)).isEmpty();
            assertThat(filesUnder(data.resolve("upstream"))).noneMatch(file -> file.endsWith(filename));
        }
    }

    @Test
    void aDownloadUpstreamStopsSendingHalfwayIsABadGatewayAndIsNeverKept() {
        String name = unique("stalled");
        byte[] wheel = wheelBytes(name);
        String filename = wheelName(name);
        try (HandMadeUpstream upstream = HandMadeUpstream.start()) {
            upstream.listStalling(name, filename, sha256(wheel), wheel);
            useUpstream(upstream.url());

            HttpResponse<String> download = get("upstream/files/" + name + "/" + filename);

            assertThat(download.statusCode()).as(download.body()).isEqualTo(502);
            assertThat(download.body()).contains(upstream.url(), "stopped sending", filename, "for 5 s");
            assertThat(server.bean(UpstreamFileCache.class).kept(name, filename)).isEmpty();
        }
    }

    @Test
    void aQuarantinedFileIsANotFoundSayingSoAndIsNeverFetched() {
        String name = unique("fresh-release");
        byte[] wheel = wheelBytes(name);
        String filename = wheelName(name);
        try (HandMadeUpstream upstream = HandMadeUpstream.start()) {
            // an HTML page gives no upload times: while the quarantine is on, nothing of it is old enough
            upstream.list(name, filename, sha256(wheel), wheel);
            useUpstream(upstream.url(), 30);

            HttpResponse<String> page = get("simple/" + name + "/", "Accept", JSON);
            HttpResponse<String> file = get("upstream/files/" + name + "/" + filename);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(json(page).get("files")).isEmpty();
            assertThat(file.statusCode()).isEqualTo(404);
            assertThat(file.body()).contains("quarantined", "30 days", "upstream gives no upload time");
            assertThat(upstream.requests("/files/" + filename)).isZero();
        }
    }

    @Test
    void aQuarantinedFileWithAnUploadTimeIsANotFoundSayingUntilWhen() {
        String name = unique("recent-release");
        byte[] wheel = wheelBytes(name);
        String filename = wheelName(name);
        Instant uploaded = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        try (HandMadeUpstream upstream = HandMadeUpstream.start()) {
            upstream.listUploaded(name, filename, sha256(wheel), wheel, uploaded);
            useUpstream(upstream.url(), 30);

            HttpResponse<String> file = get("upstream/files/" + name + "/" + filename);

            assertThat(file.statusCode()).isEqualTo(404);
            assertThat(file.body()).contains("quarantined until " + uploaded.plus(Duration.ofDays(30))
                    + " (uploaded upstream " + uploaded + ", the upstream", "s quarantine is 30 days)");
            assertThat(upstream.requests("/files/" + filename)).isZero();
        }
    }

    @Test
    void twoFirstRequestsForOneFileFetchItFromUpstreamOnce() throws Exception {
        String name = unique("popular");
        byte[] wheel = wheelBytes(name);
        String filename = wheelName(name);
        try (HandMadeUpstream upstream = listing(name, wheel)) {
            upstream.holdDownloads();

            CompletableFuture<HttpResponse<byte[]>> first = CompletableFuture.supplyAsync(
                    () -> getBytes("upstream/files/" + name + "/" + filename));
            upstream.awaitHeldDownload();
            CompletableFuture<HttpResponse<byte[]>> second = CompletableFuture.supplyAsync(
                    () -> getBytes("upstream/files/" + name + "/" + filename));
            upstream.release();

            for (HttpResponse<byte[]> response : List.of(first.get(), second.get())) {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(wheel);
                assertThat(header(response, "ETag")).isEqualTo("\"" + sha256(wheel) + "\"");
                assertThat(header(response, "Content-Disposition")).contains(filename);
                assertThat(header(response, "Cache-Control")).contains("immutable");
            }
            assertThat(upstream.requests("/files/" + filename)).isEqualTo(1);
        }
    }

    @Test
    void aReservedNameIsANotFoundSayingSoAndAnUnknownNameStaysNotFound() {
        String name = unique("internal-tool");
        String filename = wheelName(name);
        try (HandMadeUpstream upstream = listing(name, wheelBytes(name))) {
            server.bean(NameRuleRepository.class).insert(name, NameRule.Action.DENY,
                    Optional.of("our own tool"), Optional.empty(), Instant.now());

            HttpResponse<String> page = get("simple/" + name + "/", "Accept", JSON);
            HttpResponse<String> file = get("upstream/files/" + name + "/" + filename);
            HttpResponse<String> unknown = get("simple/" + unique("nowhere") + "/");

            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("reserved on this index", "our own tool");
            assertThat(file.statusCode()).isEqualTo(404);
            assertThat(file.body()).contains("reserved on this index");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("there is no project named");
            assertThat(upstream.requests("/simple/" + name + "/")).as("a reserved name is never asked").isZero();
        }
    }

    @Test
    void aPrivateHostedNameIsNeverAnsweredFromUpstream() throws IOException {
        String name = unique("private-shadow");
        byte[] wheel = wheelBytes(name);
        String filename = wheelName(name);
        try (HandMadeUpstream upstream = listing(name, wheel)) {
            publishWheel(spec(name, "2.0"));
            changeVisibility(name, "private");

            HttpResponse<String> page = get("simple/" + name + "/", "Accept", JSON);
            HttpResponse<String> file = get("upstream/files/" + name + "/" + filename);

            assertThat(page.statusCode()).isIn(401, 404);
            assertThat(header(page, "X-Assay-Upstream")).isNull();
            assertThat(file.statusCode()).isEqualTo(404);
            assertThat(upstream.requests("/simple/" + name + "/")).isZero();
            assertThat(upstream.requests("/files/" + filename)).isZero();
        }
    }

    @Test
    void pipInstallsAProjectOfAnotherAssayUsedAsUpstreamThroughItsJsonPages(@TempDir Path otherData,
            @TempDir Path target) throws Exception {
        String name = unique("from-other-assay");
        try (TestDatabase otherDatabase = TestDatabase.of(databaseKind(), otherData);
                TestServer other = TestServer.start(otherData, otherDatabase)) {
            TestDistributions.Spec spec = spec(name, "2.0", "Requires-Python: >=3.7");
            Path wheel = TestDistributions.wheel(build, spec);
            spec.upload(wheel, other.url(), "__token__", uploaderToken(other));
            useUpstream(other.url() + "simple/");

            HttpResponse<String> page = get("simple/" + name + "/", "Accept", JSON);
            PythonTools.Outcome run = pipInstall(pip(), target, name);

            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode file = json(page).get("files").get(0);
            assertThat(file.get("url").asString()).endsWith("/upstream/files/" + normalized(name) + "/"
                    + wheel.getFileName());
            // only a PEP 691 JSON upstream gives sizes and upload times
            assertThat(file.get("size").asLong()).isEqualTo(Files.size(wheel));
            assertThat(file.has("upload-time")).isTrue();
            assertThat(file.get("requires-python").asString()).isEqualTo(">=3.7");
            assertThat(file.get("core-metadata").has("sha256")).isTrue();
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(Pip.installed(target)).containsExactly(ProjectName.escapeForFilename(name) + "-2.0");
            HttpResponse<byte[]> metadata = getBytes("upstream/files/" + normalized(name) + "/" + wheel.getFileName()
                    + ".metadata");
            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(header(metadata, "Content-Type")).startsWith("text/plain");
            assertThat(sha256(metadata.body())).isEqualTo(file.get("core-metadata").get("sha256").asString());
            assertThat(header(metadata, "ETag")).isEqualTo("\"" + sha256(metadata.body()) + "\"");
            assertThat(server.bean(UpstreamFileCache.class).kept(normalized(name), wheel.getFileName().toString()))
                    .isPresent();
        }
    }

    @Test
    void pipInstallsFlaskAndRequestsFromUpstreamAloneAndAgainFromTheCacheOnceUpstreamStops(@TempDir Path tree,
            @TempDir Path first, @TempDir Path second) throws Exception {
        try (StaticUpstream upstream = StaticUpstream.serve(tree, List.of("flask", "werkzeug", "jinja2",
                "markupsafe", "itsdangerous", "click", "blinker", "requests", "urllib3", "idna", "charset-normalizer",
                "certifi"))) {
            useUpstream(upstream.url());

            PythonTools.Outcome online = pipInstall(pip(), first, "flask", "requests");

            assertThat(online.exitCode()).as(online.output()).isZero();
            assertThat(online.output()).contains("/upstream/files/flask/");
            List<String> installed = Pip.installed(first);
            assertThat(installed).anyMatch(dist -> dist.startsWith("flask-"))
                    .anyMatch(dist -> dist.startsWith("requests-")).anyMatch(dist -> dist.startsWith("werkzeug-"))
                    .anyMatch(dist -> dist.startsWith("urllib3-"));
            assertThat(header(get("simple/flask/"), "X-Assay-Upstream")).isEqualTo(upstream.url());

            upstream.stop();
            Pip fresh = Pip.inNewVirtualEnvironment(build.resolve("venv-" + unique("fresh")));
            PythonTools.Outcome offline = pipInstall(fresh, second, "flask", "requests");
            HttpResponse<String> page = get("simple/flask/", "Accept", PIP_ACCEPT);

            assertThat(offline.exitCode()).as(offline.output()).isZero();
            assertThat(Pip.installed(second)).isEqualTo(installed);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(header(page, "X-Assay-Upstream")).isEqualTo(upstream.url());
            assertThat(header(page, "X-Assay-Upstream-Stale")).startsWith("fetched ");
            assertThat(header(page, "Warning")).isEqualTo("110 - \"Response is Stale\"");
        }
    }

    @Test
    void aHostedProjectShadowsTheUpstreamProjectOfTheSameName(@TempDir Path tree, @TempDir Path target)
            throws Exception {
        try (StaticUpstream upstream = StaticUpstream.serve(tree, List.of("appdirs"))) {
            useUpstream(upstream.url());
            HttpResponse<String> before = get("simple/appdirs/", "Accept", JSON);
            assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
            String upstreamFile = json(before).get("files").get(0).get("filename").asString();
            assertThat(getBytes("upstream/files/appdirs/" + upstreamFile).statusCode()).isEqualTo(200);

            publishWheel(spec("appdirs", "99.0"));
            HttpResponse<String> page = get("simple/appdirs/", "Accept", JSON);
            HttpResponse<String> html = get("simple/appdirs/");
            HttpResponse<String> kept = get("upstream/files/appdirs/" + upstreamFile);
            PythonTools.Outcome run = pipInstall(pip(), target, "appdirs");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(json(page).get("files")).hasSize(1);
            assertThat(json(page).get("files").get(0).get("url").asString()).contains("/files/appdirs/")
                    .doesNotContain("/upstream/");
            assertThat(header(page, "X-Assay-Upstream")).isNull();
            assertThat(html.body()).doesNotContain("/upstream/", upstreamFile);
            assertThat(kept.statusCode()).as("a kept upstream file of a name now hosted").isEqualTo(404);
            assertThat(kept.body()).contains("hosted on this index");
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(Pip.installed(target)).containsExactly("appdirs-99.0");
        }
    }

    /** The bytes of a real wheel of {@code name} 1.0. */
    byte[] wheelBytes(String name) {
        try {
            return Files.readAllBytes(TestDistributions.wheel(build, spec(name, "1.0")));
        } catch (IOException failure) {
            throw new AssertionError(failure);
        }
    }

    static String wheelName(String name) {
        return ProjectName.escapeForFilename(name) + "-1.0-py3-none-any.whl";
    }

    /** A hand-made upstream, used by the server, listing the wheel of {@code name} 1.0 with its true hash. */
    HandMadeUpstream listing(String name, byte[] wheel) {
        HandMadeUpstream upstream = HandMadeUpstream.start();
        upstream.list(name, wheelName(name), sha256(wheel), wheel);
        useUpstream(upstream.url());
        return upstream;
    }

    static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
