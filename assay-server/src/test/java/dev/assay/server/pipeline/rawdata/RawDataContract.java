package dev.assay.server.pipeline.rawdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.pipeline.ProbeTasks;
import dev.assay.server.testing.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * The tasks' raw-data files outlive the job: cut to the limits, listed in the raw data, downloadable by
 * whoever may read the project, and removed with their pipeline.
 */
abstract class RawDataContract extends PipelineFixture {

    @Override
    protected Map<String, Object> pipelineSettings() {
        Map<String, Object> settings = new HashMap<>(ONE_WORKER);
        settings.put("assay.pipeline.raw-files.per-file", "1KB");
        settings.put("assay.pipeline.raw-files.per-job", "1500B");
        return settings;
    }

    @Override
    protected Class<?>[] extraBeans() {
        return new Class<?>[] {ProbeTasks.class};
    }

    @Test
    void rawDataFilesAreKeptAfterTheJobWithTheLimitsNoted() throws Exception {
        String project = uploadedProject();
        long id = finishedPipeline(project).get("id").asLong();

        JsonNode probe = task(stranger.json("api/v1/pipelines/" + id), "probe");
        JsonNode files = probe.get("rawData").get("files");
        int junit = ProbeTasks.JUNIT_TEXT.getBytes(StandardCharsets.UTF_8).length;
        int log = ProbeTasks.LOG_TEXT.getBytes(StandardCharsets.UTF_8).length;

        assertThat(probe.get("rawData").get("url").asString()).isEqualTo("/api/v1/pipelines/" + id + "/raw/probe");
        assertThat(files.get(ProbeTasks.LOG).get("size").asLong()).isEqualTo(log);
        assertThat(files.get(ProbeTasks.LOG).get("truncated").asBoolean()).isFalse();
        assertThat(files.get(ProbeTasks.LOG).get("url").asString())
                .isEqualTo("/api/v1/pipelines/" + id + "/raw/probe/files/" + ProbeTasks.LOG);
        assertThat(files.get(ProbeTasks.TRACE).get("size").asLong()).isEqualTo(1024);
        assertThat(files.get(ProbeTasks.TRACE).get("originalSize").asLong()).isEqualTo(3000);
        assertThat(files.get(ProbeTasks.TRACE).get("limit").asString()).isEqualTo("the per-file limit of 1024 bytes");
        assertThat(files.get(ProbeTasks.LATE_LOG).get("size").asLong()).isEqualTo(1500 - 1024 - log - junit);
        assertThat(files.get(ProbeTasks.LATE_LOG).get("limit").asString()).isEqualTo("the per-job limit of 1500 bytes");
        assertThat(files.toString()).as("no workspace paths").doesNotContain("pipeline-work", ":\"probe/");
        try (var workspaces = Files.walk(data.resolve("pipeline-work"))) {
            // the server's own folder (pipeline-work/<random>/, held by a lock) stays while it runs
            assertThat(workspaces.filter(path -> path.getFileName().toString().startsWith("job-")))
                    .as("job workspaces are removed").isEmpty();
        }
    }

    @Test
    void rawDataAndFilesAreDownloadable() throws Exception {
        String project = uploadedProject();
        long id = finishedPipeline(project).get("id").asLong();
        String raw = "api/v1/pipelines/" + id + "/raw/probe";

        JsonNode values = stranger.json(raw);
        HttpResponse<String> log = stranger.get(raw + "/files/" + ProbeTasks.LOG);
        HttpResponse<String> junit = HttpApi.anonymous(server.url()).get(raw + "/files/" + ProbeTasks.JUNIT);
        HttpResponse<String> trace = stranger.get(raw + "/files/" + ProbeTasks.TRACE);

        assertThat(values.get("values").get("tests").get("failed").asInt()).isEqualTo(1);
        assertThat(values.get("files").findValuesAsString("name")).containsExactly(ProbeTasks.TRACE, ProbeTasks.LOG,
                ProbeTasks.JUNIT, ProbeTasks.LATE_LOG);
        assertThat(values.get("files").get(1).get("url").asString()).isEqualTo("/" + raw + "/files/" + ProbeTasks.LOG);
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        assertThat(log.body()).isEqualTo(ProbeTasks.LOG_TEXT);
        assertThat(log.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
        assertThat(log.headers().firstValue("Content-Disposition"))
                .hasValue("inline; filename=\"pipeline-" + id + "-probe-b-log.txt\"");
        assertThat(log.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(junit.statusCode()).isEqualTo(200);
        assertThat(junit.body()).isEqualTo(ProbeTasks.JUNIT_TEXT);
        assertThat(junit.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(junit.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        assertThat(trace.body()).isEqualTo(ProbeTasks.digits(1024));
    }

    @Test
    void pipelinePageLinksEachKeptFile() throws Exception {
        String project = uploadedProject();
        long id = finishedPipeline(project).get("id").asLong();

        Document page = Jsoup.parse(HttpApi.anonymous(server.url()).get("pipelines/" + id).body());
        String link = page.select("#task-probe a.raw-file").eachAttr("href").stream()
                .filter(href -> href.endsWith("/" + ProbeTasks.LOG)).findFirst().orElseThrow();
        HttpResponse<String> followed = HttpApi.anonymous(server.url()).get(link);

        assertThat(page.select("#task-probe a.raw-file").eachText()).containsExactly(ProbeTasks.TRACE, ProbeTasks.LOG,
                ProbeTasks.JUNIT, ProbeTasks.LATE_LOG);
        assertThat(page.selectFirst("#task-probe .raw-data").text()).contains("cut at the per-file limit of 1024 bytes");
        assertThat(link).isEqualTo("/pipelines/" + id + "/raw/probe/files/" + ProbeTasks.LOG);
        assertThat(followed.body()).isEqualTo(ProbeTasks.LOG_TEXT);
        assertThat(page.select("script").eachAttr("src")).hasSize(page.select("script").size())
                .contains("/js/htmx.min.js").allMatch(src -> src.startsWith("/js/"));
        assertThat(page.selectFirst("#live").hasAttr("hx-get")).as("a finished pipeline is not polled").isFalse();
    }

    @Test
    void rawDataOfAPrivateProjectIsReadOnlyByItsMembers() throws Exception {
        String project = uploadedProject();
        long id = finishedPipeline(project).get("id").asLong();
        makePrivate(project);
        HttpApi anonymous = HttpApi.anonymous(server.url());
        String raw = "api/v1/pipelines/" + id + "/raw/probe";
        String file = raw + "/files/" + ProbeTasks.LOG;
        String pageFile = "pipelines/" + id + "/raw/probe/files/" + ProbeTasks.LOG;

        assertThat(anonymous.get(raw).statusCode()).isEqualTo(401);
        assertThat(anonymous.get(file).statusCode()).isEqualTo(401);
        assertThat(anonymous.get(pageFile).statusCode()).isEqualTo(404);
        assertThat(stranger.get(raw).statusCode()).isEqualTo(404);
        assertThat(stranger.get(file).statusCode()).isEqualTo(404);
        assertThat(stranger.get(file).body()).doesNotContain(project);
        assertThat(maintainer.get(raw).statusCode()).isEqualTo(200);
        assertThat(maintainer.get(file).body()).isEqualTo(ProbeTasks.LOG_TEXT);
    }

    @Test
    void unknownTasksFilesAndPathTricksAreNotFound() throws Exception {
        String project = uploadedProject();
        long id = finishedPipeline(project).get("id").asLong();
        String raw = "api/v1/pipelines/" + id + "/raw/";
        Files.writeString(data.resolve("secret.txt"), "secret");

        assertThat(stranger.get(raw + "nope").statusCode()).isEqualTo(404);
        assertThat(stranger.get(raw + "metadata/files/b-log").statusCode()).isEqualTo(404);
        assertThat(stranger.get(raw + "probe/files/nope").statusCode()).isEqualTo(404);
        assertThat(stranger.get(raw + "probe/files/..secret.txt").statusCode()).isEqualTo(404);
        assertThat(stranger.get(raw + "probe/files/..%2F..%2F..%2F..%2F..%2Fsecret.txt").statusCode())
                .isIn(400, 404);
        assertThat(stranger.get(raw + "probe/files/..%252F..%252Fsecret.txt").statusCode()).isIn(400, 404);
        assertThat(stranger.get("api/v1/pipelines/999999/raw/probe").statusCode()).isEqualTo(404);
    }

    @Test
    void filesOfADeletedReleaseAreNotServedAndAreSweptAway() throws Exception {
        String project = uploadedProject();
        long id = finishedPipeline(project).get("id").asLong();
        String file = "api/v1/pipelines/" + id + "/raw/probe/files/" + ProbeTasks.LOG;
        Path kept = data.resolve("pipelines").resolve(Long.toString(id));
        assertThat(stranger.get(file).statusCode()).isEqualTo(200);
        assertThat(kept).isDirectory();

        HttpResponse<String> deleted = owner.delete("api/v1/projects/" + project + "/releases/1.0");
        HttpResponse<String> afterDeletion = stranger.get(file);
        server.bean(RawFiles.class).sweep();

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(afterDeletion.statusCode()).isEqualTo(404);
        assertThat(kept).doesNotExist();
    }

    static JsonNode task(JsonNode pipeline, String name) {
        for (JsonNode task : pipeline.get("tasks")) {
            if (task.get("name").asString().equals(name)) {
                return task;
            }
        }
        throw new AssertionError("no task " + name + " in " + pipeline);
    }
}
