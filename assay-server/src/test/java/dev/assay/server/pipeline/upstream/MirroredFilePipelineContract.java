package dev.assay.server.pipeline.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.SandboxedFixture;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.StaticUpstream;
import dev.assay.server.testing.WebSession;
import dev.assay.server.upstream.config.UpstreamRepository;
import tools.jackson.databind.JsonNode;

/**
 * Mirrored files vetted by the sandboxed pipeline: an administrator starts one on a real wheel an upstream (a
 * static PEP 503 tree of the local mirror's wheels) lists; everyone reads its results as a public project's.
 */
abstract class MirroredFilePipelineContract extends SandboxedFixture {

    private static final String START = "api/v1/admin/upstream-pipelines";

    private StaticUpstream upstream;
    private long upstreamId;
    private String six;

    @Override
    protected Map<String, Object> pipelineSettings() {
        return sandboxedSettings();
    }

    @BeforeAll
    void serveUpstream() throws Exception {
        upstream = StaticUpstream.serve(Files.createDirectories(data.resolve("upstream-tree")), List.of("six"));
        six = upstream.files("six").get(0).getFileName().toString();
        UpstreamRepository upstreams = server.bean(UpstreamRepository.class);
        upstreamId = upstreams.insert(upstream.url(), Optional.empty(), Optional.empty(), upstreams.nextPriority(), 0,
                false, Instant.now());
    }

    @AfterAll
    void stopUpstream() {
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void anAdministratorVetsAMirroredWheelWhoseResultsEveryoneReads() {
        HttpResponse<String> started = admin.post(START, body("six", six));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode answer = HttpApi.parse(started.body());
        long id = answer.get("id").asLong();
        assertThat(answer.get("url").asString()).isEqualTo("/pipelines/" + id);
        assertThat(started.headers().firstValue("Location")).contains("/pipelines/" + id);
        HttpApi anonymous = HttpApi.anonymous(server.url());
        JsonNode pipeline = eventually("a finished pipeline of " + six,
                () -> anonymous.json("api/v1/pipelines/" + id),
                found -> found.get("finishedAt") != null && !found.get("finishedAt").isNull());
        Map<String, JsonNode> tasks = tasks(pipeline);
        assertThat(tasks.get("install").get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
        assertThat(tasks.get("import").get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
        assertThat(tasks.get("metadata").get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
        assertThat(pipeline.get("project").asString()).isEqualTo("six");
        assertThat(pipeline.get("filename").asString()).isEqualTo(six);
        assertThat(pipeline.get("upstream").asString()).isEqualTo(upstream.url());
        assertThat(pipeline.get("requestedBy").asString()).isEqualTo(ADMIN);

        HttpResponse<String> page = anonymous.get("pipelines/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(six, "from upstream", upstream.url(), "install", "import")
                .doesNotContain("All pipelines");
        JsonNode listed = anonymous.json("api/v1/upstream-projects/six/pipelines");
        assertThat(listed.findValuesAsString("filename")).contains(six);
        JsonNode trace = tasks.get("install").get("rawData").get("files").get("pip-trace");
        assertThat(trace).as("pip's install trace is kept: " + pipeline).isNotNull();
        assertThat(stranger.get(trace.get("url").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorRunsItFromTheMirroredProjectsPageWhichListsItsPipelines() {
        WebSession ada = new WebSession(server.url());
        ada.logIn(ADMIN, PASSWORD);

        HttpResponse<String> run = ada.submit("project/six/", "form.run-pipeline", Map.of());

        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(run.uri().getPath()).matches("/pipelines/[0-9]+");
        assertThat(run.body()).contains(six, "from upstream", upstream.url());
        String id = run.uri().getPath().substring("/pipelines/".length());
        Document page = new WebSession(server.url()).page("project/six/");
        assertThat(page.select("#pipelines a[href=/pipelines/" + id + "]")).hasSize(1);
        assertThat(page.select("form.run-pipeline")).as("no form for anonymous visitors").isEmpty();
        WebSession sam = new WebSession(server.url());
        sam.logIn("sam", PASSWORD);
        assertThat(sam.page("project/six/").select("form.run-pipeline")).isEmpty();
        HttpResponse<String> forged = sam.post("pipelines/mirrored", Map.of("project", "six", "filename", six));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void anUpstreamVettingNewFilesRunsThePipelineOnEachFileNewlyKeptFromIt() throws Exception {
        try (StaticUpstream vetted = StaticUpstream.serve(Files.createDirectories(data.resolve("vetted-tree")),
                List.of("itsdangerous", "blinker"))) {
            UpstreamRepository upstreams = server.bean(UpstreamRepository.class);
            long vettedId = upstreams.insert(vetted.url(), Optional.empty(), Optional.empty(),
                    upstreams.nextPriority(), 0, false, Instant.now());
            HttpApi pip = HttpApi.anonymous(server.url());
            String before = vetted.files("itsdangerous").get(0).getFileName().toString();
            String after = vetted.files("blinker").get(0).getFileName().toString();

            HttpResponse<String> keptBefore = pip.get("upstream/files/itsdangerous/" + before);
            assertThat(keptBefore.statusCode()).isEqualTo(200);
            assertThat(pipelinesOf("itsdangerous")).as("the policy is off").isZero();
            HttpResponse<String> switched = admin.send("PATCH", "api/v1/admin/upstreams/" + vettedId,
                    "{\"vetNewFiles\":true}");
            assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
            HttpResponse<String> keptAfter = pip.get("upstream/files/blinker/" + after);
            assertThat(keptAfter.statusCode()).isEqualTo(200);
            assertThat(pip.get("upstream/files/blinker/" + after).statusCode()).isEqualTo(200);

            assertThat(pipelinesOf("blinker")).as("one pipeline: the second download kept nothing new").isOne();
            assertThat(pipelinesOf("itsdangerous")).as("kept before the policy was on").isZero();
            long id = number("SELECT id FROM pipelines WHERE upstream_project = ?", "blinker");
            JsonNode pipeline = eventually("a finished pipeline of " + after, () -> pip.json("api/v1/pipelines/" + id),
                    found -> found.get("finishedAt") != null && !found.get("finishedAt").isNull());
            assertThat(pipeline.get("filename").asString()).isEqualTo(after);
            assertThat(pipeline.get("upstream").asString()).isEqualTo(vetted.url());
            assertThat(pipeline.get("requestedBy").asString()).isEqualTo("policy");
            Map<String, JsonNode> tasks = tasks(pipeline);
            assertThat(tasks.get("install").get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
            upstreams.delete(vettedId);
        }
    }

    private long pipelinesOf(String upstreamProject) {
        return number("SELECT COUNT(*) FROM pipelines WHERE upstream_project = ?", upstreamProject);
    }

    @Test
    void onlyAdministratorsStartOne() {
        HttpResponse<String> refused = stranger.post(START, body("six", six));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("only administrators");
        HttpResponse<String> anonymous = HttpApi.anonymous(server.url()).post(START, body("six", six));
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
        assertThat(number("SELECT COUNT(*) FROM pipelines WHERE requested_by = ?", "sam")).isZero();
    }

    @Test
    void aFileUpstreamDoesNotListOrHostedOrQuarantinedIsNotFound() throws Exception {
        HttpResponse<String> unknownFile = admin.post(START, body("six", "six-0.0.1-py3-none-any.whl"));
        assertThat(unknownFile.statusCode()).as(unknownFile.body()).isEqualTo(404);
        assertThat(unknownFile.body()).contains("does not list a file 'six-0.0.1-py3-none-any.whl'");
        HttpResponse<String> unknownProject = admin.post(START, body("no-such-project-anywhere", "x-1.0.tar.gz"));
        assertThat(unknownProject.statusCode()).as(unknownProject.body()).isEqualTo(404);
        String hosted = uploadedProject();
        HttpResponse<String> hostedName = admin.post(START, body(hosted, hosted.replace('-', '_')
                + "-1.0-py3-none-any.whl"));
        assertThat(hostedName.statusCode()).as(hostedName.body()).isEqualTo(404);
        HttpResponse<String> invalid = admin.post(START, "{\"project\":\"six\"}");
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);

        UpstreamRepository upstreams = server.bean(UpstreamRepository.class);
        int priority = upstreams.find(upstreamId).orElseThrow().priority();
        upstreams.update(upstreamId, priority, 30, true);
        try {
            HttpResponse<String> quarantined = admin.post(START, body("six", six));
            assertThat(quarantined.statusCode()).as(quarantined.body()).isEqualTo(404);
            assertThat(quarantined.body()).contains("quarantine");
        } finally {
            upstreams.update(upstreamId, priority, 0, true);
        }
    }

    private static String body(String project, String filename) {
        return "{\"project\":\"" + project + "\",\"filename\":\"" + filename + "\"}";
    }
}
