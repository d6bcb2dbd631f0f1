package dev.assay.server.pipeline.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.pipeline.ProbeTasks;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDistributions;
import tools.jackson.databind.JsonNode;

/** The release page's pipeline section shows, for each file, what the JSON API returns for its latest pipeline. */
abstract class ReleasePipelinesContract extends PipelineFixture {

    @Override
    protected Map<String, Object> pipelineSettings() {
        return ONE_WORKER;
    }

    @Override
    protected Class<?>[] extraBeans() {
        return new Class<?>[] {ProbeTasks.class};
    }

    /** What one file's row says, as text, the same whether read from the page or from the API. */
    record Shown(String link, String status, List<String> tasks, List<String> findings, List<String> tests) {
    }

    @Test
    void releasePageShowsWhatTheApiReturnsForEachFilesLatestPipeline() throws Exception {
        String project = uploadedProject();
        Path directory = Files.createTempDirectory(data, "sdist");
        TestDistributions.Spec spec = new TestDistributions.Spec(project, "1.0", List.of("Requires-Python: >=3.8"),
                "A wheel to test.\n");
        spec.upload(TestDistributions.sdist(directory, spec), server.url(), "olive", PASSWORD);
        HttpResponse<String> rerun = owner.post(pipelines(project), "{\"filename\":\"" + wheel(project) + "\"}");
        assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(201);
        JsonNode all = eventually("three finished pipelines", () -> owner.json(pipelines(project)),
                list -> list.size() == 3 && list.findValues("finishedAt").stream().noneMatch(JsonNode::isNull));

        Document page = Jsoup.parse(HttpApi.anonymous(server.url()).get("project/" + project + "/1.0/").body());

        Map<String, Shown> fromApi = new LinkedHashMap<>();
        all.forEach(pipeline -> fromApi.putIfAbsent(pipeline.get("filename").asString(), shown(pipeline)));
        Map<String, Shown> fromPage = new LinkedHashMap<>();
        page.select("#pipelines tr.pipeline").forEach(row -> fromPage.put(row.selectFirst(".pipeline-file").text(),
                shown(row)));
        assertThat(fromPage).isEqualTo(fromApi);
        assertThat(fromPage).containsOnlyKeys(wheel(project), project.replace('-', '_') + "-1.0.tar.gz");
        Shown wheel = fromPage.get(wheel(project));
        assertThat(wheel.status()).isEqualTo("failed");
        assertThat(wheel.tasks()).anySatisfy(task -> assertThat(task).startsWith("probe failed (")
                .endsWith(" ms) — 3 passed, 1 failed, 0 skipped, 0 errors"));
        assertThat(wheel.findings()).contains("metadata warning: no Summary: search results and pages show nothing");
        assertThat(wheel.tests()).containsExactly("probe 3 passed, 1 failed, 0 skipped, 0 errors");
        assertThat(wheel.link()).isEqualTo("/pipelines/" + all.get(0).get("id").asLong());
    }

    private static String wheel(String project) {
        return project.replace('-', '_') + "-1.0-py3-none-any.whl";
    }

    private static Shown shown(JsonNode pipeline) {
        List<String> tasks = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        for (JsonNode task : pipeline.get("tasks")) {
            String name = task.get("name").asString();
            JsonNode counts = task.get("rawData").get("values").get("tests");
            String said = counts == null ? task.get("summary").asString() : counts.get("passed").asInt() + " passed, "
                    + counts.get("failed").asInt() + " failed, " + counts.get("skipped").asInt() + " skipped, "
                    + counts.get("errors").asInt() + " errors";
            // the test counts are said once, instead of the summary that repeats them
            tasks.add(name + " " + task.get("outcome").asString() + " (" + task.get("durationMs").asLong() + " ms)"
                    + " — " + said);
            task.get("findings").forEach(finding -> findings.add(name + " " + finding.get("severity").asString()
                    + ": " + finding.get("message").asString()));
            if (counts != null) {
                tests.add(name + " " + said);
            }
        }
        return new Shown("/pipelines/" + pipeline.get("id").asLong(), pipeline.get("status").asString(), tasks,
                findings, tests);
    }

    private static Shown shown(Element row) {
        List<String> tasks = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        for (Element task : row.select("li.task")) {
            String name = task.selectFirst(".task-name").text();
            Element summary = task.selectFirst(".task-summary, .task-tests");
            tasks.add(name + " " + task.selectFirst(".task-outcome").text() + " ("
                    + task.selectFirst(".task-duration").text() + ") — " + (summary == null ? "" : summary.text()));
            Element counts = task.selectFirst(".task-tests");
            if (counts != null) {
                tests.add(name + " " + counts.text());
            }
        }
        List<String> findings = new ArrayList<>();
        for (Element finding : row.select("li.finding")) {
            findings.add(finding.attr("data-task") + " " + finding.selectFirst(".finding-severity").text() + ": "
                    + finding.selectFirst(".finding-message").text());
        }
        return new Shown(row.selectFirst("a").attr("href"), row.selectFirst(".pipeline-status").text(), tasks,
                findings, tests);
    }
}
