package dev.assay.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDistributions;
import tools.jackson.databind.JsonNode;

/** Uploads start pipelines that the in-process worker runs; results in the API, on pages, in the badge. */
abstract class PipelineContract extends PipelineFixture {

    @Override
    protected Map<String, Object> pipelineSettings() {
        return ONE_WORKER;
    }

    @Test
    void uploadStartsAPipelineThatTheInProcessWorkerFinishes() throws Exception {
        String project = uploadedProject();

        JsonNode pipeline = finishedPipeline(project);

        assertThat(pipeline.get("status").asString()).isEqualTo("passed");
        assertThat(pipeline.get("trigger").asString()).isEqualTo("upload");
        assertThat(pipeline.get("filename").asString()).isEqualTo(project.replace('-', '_') + "-1.0-py3-none-any.whl");
        JsonNode task = pipeline.get("tasks").get(0);
        assertThat(task.get("name").asString()).isEqualTo("metadata");
        assertThat(task.get("outcome").asString()).isEqualTo("passed");
        assertThat(task.get("durationMs").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(task.get("summary").asString()).isEqualTo("3 metadata warning(s)");
        assertThat(codes(task)).containsExactlyInAnyOrder("metadata/missing-summary", "metadata/missing-license",
                "metadata/missing-urls");
        assertThat(task.get("findings").get(0).get("severity").asString()).isEqualTo("warning");

        long id = pipeline.get("id").asLong();
        JsonNode detail = stranger.json("api/v1/pipelines/" + id);
        assertThat(detail.get("status").asString()).isEqualTo("passed");
        assertThat(detail.get("tasks").get(0).get("rawData").get("values").get("problems").size()).isEqualTo(3);
        assertThat(detail.get("log").toString()).contains("claimed by in-process worker in-process-",
                "reading the core metadata");
        JsonNode worker = detail.get("worker");
        assertThat(worker.get("kind").asString()).isEqualTo("in-process");
        assertThat(worker.get("owner").isNull()).isTrue();
        assertThat(worker.get("description").asString()).matches("in-process worker in-process-\\d+/1 on .+");
    }

    @Test
    void pipelinePageReleasePageAndBadgeShowTheResult() throws Exception {
        String project = uploadedProject();
        long id = finishedPipeline(project).get("id").asLong();

        Document page = Jsoup.parse(HttpApi.anonymous(server.url()).get("pipelines/" + id).body());
        Document release = Jsoup.parse(HttpApi.anonymous(server.url()).get("project/" + project + "/1.0/").body());
        HttpResponse<String> badge = HttpApi.anonymous(server.url()).get("project/" + project + "/badge.svg");

        assertThat(page.selectFirst("#pipeline-status").text()).isEqualTo("passed");
        assertThat(page.selectFirst("#pipeline-worker").text()).startsWith("in-process worker in-process-");
        assertThat(page.selectFirst("#task-metadata").text()).contains("metadata", "passed", "3 metadata warning(s)");
        assertThat(page.select("#findings li")).hasSize(3);
        assertThat(page.selectFirst("#findings").text()).contains("no Summary");
        assertThat(page.selectFirst("#log").text()).contains("reading the core metadata");
        assertThat(release.selectFirst("#pipelines").text()).contains("passed", "metadata: passed", "no Summary");
        assertThat(release.selectFirst("#pipelines a").attr("href")).isEqualTo("/pipelines/" + id);
        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(badge.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(badge.body()).contains("<svg", "tests", "passed");
    }

    @Test
    void maintainersRerunPipelinesOthersMayNot() throws Exception {
        String project = uploadedProject();
        String wheel = project.replace('-', '_') + "-1.0-py3-none-any.whl";
        finishedPipeline(project);

        HttpResponse<String> byStranger = stranger.post(pipelines(project), "{}");
        HttpResponse<String> anonymous = HttpApi.anonymous(server.url()).post(pipelines(project), "{}");
        HttpResponse<String> pushToken = token("olive", project, TokenScope.PUSH).post(pipelines(project), "{}");
        HttpResponse<String> unknownFile = owner.post(pipelines(project), "{\"filename\":\"nope.whl\"}");
        HttpResponse<String> byOwner = owner.post(pipelines(project), "{\"filename\":\"" + wheel + "\"}");
        HttpResponse<String> byMaintainer = maintainer.post(pipelines(project), "");

        assertThat(byStranger.statusCode()).isEqualTo(403);
        assertThat(byStranger.body()).contains("not an owner or maintainer");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(pushToken.statusCode()).isEqualTo(403);
        assertThat(unknownFile.statusCode()).isEqualTo(404);
        assertThat(byOwner.statusCode()).as(byOwner.body()).isEqualTo(201);
        assertThat(HttpApi.parse(byOwner.body()).get(0).get("trigger").asString()).isEqualTo("manual");
        assertThat(byMaintainer.statusCode()).as(byMaintainer.body()).isEqualTo(201);
        eventually("both re-runs finished", () -> owner.json(pipelines(project)),
                list -> list.size() == 3 && !list.get(0).get("finishedAt").isNull()
                        && !list.get(1).get("finishedAt").isNull());
        JsonNode newest = owner.json(pipelines(project)).get(0);
        assertThat(newest.get("requestedBy").asString()).isEqualTo("max");
        assertThat(newest.get("status").asString()).isEqualTo("passed");
    }

    @Test
    void filesAndReleasesCanBeDeletedWhilePipelinesRun() throws Exception {
        for (int i = 0; i < 5; i++) {
            String project = uploadedProject();
            String wheel = project.replace('-', '_') + "-1.0-py3-none-any.whl";

            HttpResponse<String> file = owner.delete("api/v1/projects/" + project + "/files/" + wheel);
            HttpResponse<String> release = owner.delete("api/v1/projects/" + project + "/releases/1.0");

            assertThat(file.statusCode()).as(file.body()).isEqualTo(204);
            assertThat(release.statusCode()).as(release.body()).isEqualTo(204);
        }
    }

    @Test
    void pipelinesOfAPrivateProjectAreReadOnlyByItsMembers() throws Exception {
        String project = uploadedProject();
        long id = finishedPipeline(project).get("id").asLong();
        makePrivate(project);
        HttpApi anonymous = HttpApi.anonymous(server.url());

        assertThat(anonymous.get(pipelines(project)).statusCode()).isEqualTo(401);
        assertThat(stranger.get(pipelines(project)).statusCode()).isEqualTo(404);
        assertThat(stranger.get("api/v1/pipelines/" + id).statusCode()).isEqualTo(404);
        assertThat(anonymous.get("pipelines/" + id).statusCode()).isEqualTo(404);
        assertThat(anonymous.get("project/" + project + "/badge.svg").statusCode()).isEqualTo(404);
        assertThat(maintainer.get(pipelines(project)).statusCode()).isEqualTo(200);
        assertThat(maintainer.get("api/v1/pipelines/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void metadataPypiAcceptsButAdvisesAgainstIsUploadedAndShownAsWarnings() throws Exception {
        String project = "advice-" + databaseKind();
        TestDistributions.Spec spec = new TestDistributions.Spec(project, "1.0", List.of("Summary: advised",
                "Requires-Python: >=3.8", "License-Expression: MIT", "Classifier: License :: OSI Approved :: MIT License",
                "Project-URL: Source, https://example.com/src", "X-Custom: not core metadata"), "A wheel to test.\n");
        Path directory = Files.createTempDirectory(data, "wheel");

        spec.upload(TestDistributions.wheel(directory, spec), server.url(), "olive", PASSWORD);
        JsonNode task = finishedPipeline(project).get("tasks").get(0);

        assertThat(task.get("name").asString()).isEqualTo("metadata");
        assertThat(task.get("outcome").asString()).isEqualTo("passed");
        assertThat(task.get("summary").asString()).isEqualTo("2 metadata warning(s)");
        assertThat(codes(task)).containsExactly("metadata/metadata-warning", "metadata/metadata-warning");
        assertThat(task.get("findings").toString()).contains("superseded by License-Expression",
                "'X-Custom' is not a core metadata field");
    }

    private static List<String> codes(JsonNode task) {
        List<String> codes = new ArrayList<>();
        task.get("findings").forEach(finding -> codes.add(finding.get("code").asString()));
        return codes;
    }
}
