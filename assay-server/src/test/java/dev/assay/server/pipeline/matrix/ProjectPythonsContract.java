package dev.assay.server.pipeline.matrix;

import static dev.assay.server.pipeline.matrix.MatrixClaims.claimsOf;
import static dev.assay.server.pipeline.matrix.MatrixClaims.offering;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.pipeline.queue.JobQueue;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * A project's choice of Python versions: through the API and the settings page, by who may change it, checked,
 * and followed by its next pipeline, which shows one job per version chosen.
 */
abstract class ProjectPythonsContract extends PipelineFixture {

    @Override
    protected Map<String, Object> pipelineSettings() {
        return Map.of("assay.pipeline.workers", 0);
    }

    @BeforeEach
    void noWorkerOnline() {
        update("DELETE FROM workers");
    }

    @Test
    void theVersionsAProjectChoosesAreTheJobsOfItsNextPipeline() throws Exception {
        String project = uploadedProject();
        String path = "api/v1/projects/" + project + "/pythons";

        HttpResponse<String> chosen = owner.put(path, "{\"pythons\":[\"3.12\",\" 3.9\",\"3.12\"]}");
        HttpResponse<String> rerun = owner.post("api/v1/projects/" + project + "/releases/1.0/pipelines", "{}");
        JsonNode pipeline = owner.json(pipelines(project)).get(0);
        JsonNode seenByStranger = stranger.json(path);

        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        assertThat(HttpApi.parse(chosen.body()).get("chosen").toString()).isEqualTo("[\"3.9\",\"3.12\"]");
        assertThat(rerun.statusCode()).as(rerun.body()).isIn(200, 201);
        assertThat(pipeline.get("matrix")).hasSize(2);
        assertThat(pipeline.get("matrix").get(0).get("python").asString()).isEqualTo("3.9");
        assertThat(pipeline.get("matrix").get(1).get("python").asString()).isEqualTo("3.12");
        assertThat(seenByStranger.get("tested").toString()).isEqualTo("[\"3.9\",\"3.12\"]");
        assertThat(seenByStranger.get("mayChange").asBoolean()).isFalse();

        HttpResponse<String> cleared = owner.put(path, "{\"pythons\":[]}");
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(HttpApi.parse(cleared.body()).get("tested").toString()).as("no worker online").isEqualTo("[]");
    }

    @Test
    void thePipelineAndReleasePagesShowTheMatrixAndTheStatusIsItsWorstOutcome() throws Exception {
        String project = uploadedProject();
        assertThat(owner.put("api/v1/projects/" + project + "/pythons", "{\"pythons\":[\"3.11\",\"3.12\"]}")
                .statusCode()).isEqualTo(200);
        owner.post("api/v1/projects/" + project + "/releases/1.0/pipelines", "{}");
        long pipeline = owner.json(pipelines(project)).get(0).get("id").asLong();
        JobQueue queue = server.bean(JobQueue.class);
        ClaimedJob on311 = claimsOf(queue, offering("3.11.2"), pipeline).get(0);
        ClaimedJob on312 = claimsOf(queue, offering("3.12.1"), pipeline).get(0);
        queue.result(on311.jobId(), on311.lease(), MatrixClaims.result("install", "passed"));
        queue.result(on312.jobId(), on312.lease(), MatrixClaims.result("install", "failed"));
        WebSession olive = new WebSession(server.url());
        olive.logIn("olive", PASSWORD);

        Document page = olive.page("pipelines/" + pipeline);
        Document release = olive.page("project/" + project + "/1.0/");

        assertThat(page.select("#pipeline-status").text()).isEqualTo("failed");
        assertThat(page.select("#matrix tr.python-run").eachAttr("data-python")).containsExactly("3.11", "3.12");
        assertThat(page.select("#matrix tr[data-python=3.11] td[data-task=install]").text()).isEqualTo("passed");
        assertThat(page.select("#matrix tr[data-python=3.12] td[data-task=install]").text()).isEqualTo("failed");
        assertThat(release.select("tr[data-pipeline=" + pipeline + "] .pipeline-status").text()).isEqualTo("failed");
        assertThat(release.select("table.python-matrix[data-pipeline=" + pipeline + "] tr.python-run")
                .eachAttr("data-python")).containsExactly("3.11", "3.12");
    }

    @Test
    void aBadChoiceIsRefusedSayingWhatToSendAndOnlyManagersMayChoose() throws Exception {
        String project = uploadedProject();
        String path = "api/v1/projects/" + project + "/pythons";

        HttpResponse<String> notAVersion = owner.put(path, "{\"pythons\":[\"3\"]}");
        HttpResponse<String> missing = owner.put(path, "{}");
        String versions = IntStream.rangeClosed(1, 21).mapToObj(minor -> "\"3." + minor + "\"")
                .collect(Collectors.joining(","));
        HttpResponse<String> tooMany = owner.put(path, "{\"pythons\":[" + versions + "]}");
        HttpResponse<String> byStranger = stranger.put(path, "{\"pythons\":[\"3.12\"]}");
        HttpResponse<String> byMaintainer = maintainer.put(path, "{\"pythons\":[\"3.12\"]}");

        assertThat(notAVersion.statusCode()).isEqualTo(400);
        assertThat(notAVersion.body()).contains("'3' is not a Python version: give major.minor");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Missing 'pythons'");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("at most 20 Python versions");
        assertThat(byStranger.statusCode()).isEqualTo(403);
        assertThat(byMaintainer.statusCode()).as(byMaintainer.body()).isEqualTo(200);
        assertThat(owner.json(path).get("chosen").toString()).isEqualTo("[\"3.12\"]");
    }

    @Test
    void theSettingsPageChangesTheVersionsWithItsForm() throws Exception {
        String project = uploadedProject();
        WebSession olive = new WebSession(server.url());
        olive.logIn("olive", PASSWORD);
        String page = "project/" + project + "/settings/pythons";

        HttpResponse<String> saved = olive.submit(page, "#change-pythons", Map.of("versions", "3.11, 3.13"));
        HttpResponse<String> refused = olive.submit(page, "#change-pythons", Map.of("versions", "three"));
        HttpResponse<String> forged = olive.post(page, Map.of("versions", "3.10"));
        WebSession sam = new WebSession(server.url());
        sam.logIn("sam", PASSWORD);
        Document strangers = sam.page(page);

        assertThat(saved.body()).contains("The project tests Python 3.11, 3.13.");
        assertThat(refused.body()).contains("&#39;three&#39; is not a Python version");
        assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(owner.json("api/v1/projects/" + project + "/pythons").get("chosen").toString())
                .isEqualTo("[\"3.11\",\"3.13\"]");
        assertThat(strangers.select("#change-pythons")).as("only managers get the form").isEmpty();
        assertThat(strangers.select("#tested").text()).isEqualTo("3.11, 3.13");
    }
}
