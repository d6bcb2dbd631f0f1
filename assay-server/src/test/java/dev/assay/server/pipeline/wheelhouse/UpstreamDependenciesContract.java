package dev.assay.server.pipeline.wheelhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.pipeline.SandboxedFixture;
import dev.assay.server.pipeline.workers.RemoteWorker;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonDistributions.Spec;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.StaticUpstream;
import dev.assay.server.upstream.config.UpstreamRepository;
import dev.assay.server.upstream.files.UpstreamFileCache;
import tools.jackson.databind.JsonNode;

/**
 * An upload depending on a public package that only an upstream has (a static PEP 503 tree of the local mirror's real
 * wheels): {@code assay worker} stages the dependency through the server from upstream, and install, import and test
 * pass; with no upstream configured the same upload's dependency is unresolved, as before upstreams.
 */
abstract class UpstreamDependenciesContract extends SandboxedFixture {

    private static final Duration SLOW = Duration.ofMinutes(4);

    private StaticUpstream upstream;
    private RemoteWorker worker;

    @Override
    protected Map<String, Object> pipelineSettings() {
        return Map.of("assay.pipeline.workers", 0, "assay.pipeline.lease", "2m", "assay.pipeline.sandbox", true);
    }

    @BeforeAll
    void startUpstreamAndWorker() throws Exception {
        upstream = StaticUpstream.serve(Files.createDirectories(data.resolve("upstream-tree")), List.of("six", "idna"));
        String token = server.bean(TokenService.class)
                .create(new NewToken(ADMIN, "remote worker", null, Set.of(TokenScope.WORKER))).secret();
        worker = RemoteWorker.start(new RemoteWorker.Settings(URI.create(server.url()), token, "host-1", 1,
                data.resolve("remote-work"), Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofMinutes(5)));
    }

    @AfterAll
    void stopUpstreamAndWorker() throws InterruptedException {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(5));
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void anUploadDependingOnAPublicPackageIsTestedWithItFromUpstreamAndWithoutUpstreamItIsUnresolved() throws Exception {
        UpstreamRepository upstreams = server.bean(UpstreamRepository.class);
        long configured = upstreams.insert(upstream.url(), Optional.empty(), Optional.empty(), 1, 0, false,
                Instant.now());
        String six = upstream.files("six").get(0).getFileName().toString();
        String idna = upstream.files("idna").get(0).getFileName().toString();
        String project = "uses-six-" + databaseKind();
        String module = project.replace('-', '_');
        PythonDistributions.Built built = PythonDistributions.build(Files.createTempDirectory(data, "build"),
                Spec.of(project, "1.0").withDependencies("six>=1.16").withFiles(Map.of(
                        module + "/__init__.py", "import six\n\n\ndef shout(text):\n"
                                + "    return six.ensure_str(text).upper()\n",
                        "tests/test_shout.py", "import six\n\nfrom " + module + " import shout\n\n\n"
                                + "def test_shouts_bytes_and_text():\n    assert shout(b'hi') == 'HI'\n"
                                + "    assert shout('ok') == 'OK'\n    assert six.PY3\n")));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, built.sdist()).assertSucceeded();
        String sdist = built.sdist().getFileName().toString();

        JsonNode pipeline = finished(project, "1.0", sdist, SLOW);

        Map<String, JsonNode> tasks = tasks(pipeline);
        assertThat(tasks.get("wheelhouse").get("findings").toString()).as(pipeline::toString)
                .contains("from-upstream", "'six>=1.16' staged as " + six + " from upstream " + upstream.url())
                .doesNotContain("not-in-index");
        assertThat(tasks.get("wheelhouse").get("summary").asString()).contains("(1 from upstream)");
        for (String task : List.of("build", "install", "import", "test")) {
            assertThat(tasks.get(task).get("outcome").asString()).as(task + ": " + pipeline).isEqualTo("passed");
        }
        assertThat(tasks.get("test").get("summary").asString()).contains("1 passed");
        IndexWheelhouse wheelhouse = server.bean(IndexWheelhouse.class);
        assertThat(wheelhouse.stageable(project, six)).as("the worker downloaded the kept wheel").isPresent();
        assertThat(wheelhouse.stageable(project, idna)).as("listed upstream, but no resolution picked it").isEmpty();
        assertThat(server.bean(UpstreamFileCache.class).kept("idna", idna)).as("the worker API fetched nothing")
                .isEmpty();

        assertThat(upstreams.delete(configured)).isTrue();
        HttpResponse<String> rerun = owner.post("api/v1/projects/" + project + "/releases/1.0/pipelines",
                "{\"filename\":\"" + sdist + "\"}");
        assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(201);
        JsonNode without = eventually("the re-run without upstream", SLOW,
                () -> owner.json("api/v1/projects/" + project + "/releases/1.0/pipelines").get(0),
                newest -> newest.get("id").asLong() != pipeline.get("id").asLong()
                        && newest.get("finishedAt") != null && !newest.get("finishedAt").isNull());

        assertThat(tasks(without).get("wheelhouse").get("findings").toString()).as(without::toString)
                .contains("not-in-index", "'six>=1.16' cannot be satisfied by this index; install will fail")
                .doesNotContain("from-upstream");
        assertThat(tasks(without).get("install").get("outcome").asString()).as(without::toString).isEqualTo("failed");
        assertThat(wheelhouse.stageable(project, six)).as("no upstream lists it any more").isEmpty();
    }
}
