package dev.assay.server.pipeline.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.pipeline.SandboxedFixture;
import dev.assay.server.pipeline.workers.RemoteWorker;
import dev.assay.server.testing.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * A command task of the server's configuration run by a remote worker, which has no such configuration: the server
 * sends the definition with the switches, the worker builds it and runs it in its own sandbox, and the finding shows
 * on the release page. Lacking the command task in its offer does not refuse the worker's claims.
 */
abstract class RemoteCommandTaskContract extends SandboxedFixture {

    private RemoteWorker worker;

    @Override
    protected Map<String, Object> pipelineSettings() {
        Map<String, Object> settings = new HashMap<>(CommandTaskContract.withCommandTasks(Map.of()));
        settings.putAll(Map.of("assay.pipeline.workers", 0, "assay.pipeline.lease", "2m", "assay.pipeline.sandbox",
                true));
        return settings;
    }

    @AfterAll
    void stopRemoteWorker() throws InterruptedException {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aRemoteWorkerRunsTheServersEnabledCommandTaskInItsSandbox() throws Exception {
        TaskSwitches switches = server.bean(TaskSwitches.class);
        CommandTaskContract.HEAVY.forEach(task -> switches.change(task, false, "test"));
        switches.change("py-notes", true, "test");
        JsonNode state = HttpApi.parse(workerToken().get("/api/worker/tasks").body());
        assertThat(state.get("commands").toString()).contains("\"name\":\"py-notes\"", "ran as uid")
                .as("a broken declaration is not installed, so not sent").doesNotContain("{in:nothing}");
        String secret = server.bean(TokenService.class)
                .create(new NewToken(ADMIN, "remote worker", null, Set.of(TokenScope.WORKER))).secret();
        worker = RemoteWorker.start(new RemoteWorker.Settings(URI.create(server.url()), secret, "cmd-host", 1,
                data.resolve("remote-work"), Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofMinutes(5)),
                null);

        String project = uploadedProject();
        JsonNode pipeline = finishedPipeline(project);
        JsonNode task = tasks(pipeline).get("py-notes");
        assertThat(task).as(pipeline::toString).isNotNull();
        assertThat(task.get("outcome").asString()).as(task::toString).isEqualTo("failed");
        assertThat(task.get("summary").asString()).contains("command exited with code 3", "1 finding(s)");
        assertThat(task.get("findings").get(0).toString()).as("as nobody, the sandbox's user")
                .contains("ran as uid 65534", ":7").doesNotContain(data.toString());
        JsonNode detail = owner.json("api/v1/pipelines/" + pipeline.get("id").asLong());
        assertThat(detail.get("worker").get("kind").asString()).isEqualTo("remote");
        assertThat(detail.get("worker").get("name").asString()).isEqualTo("cmd-host/1");
        assertThat(Jsoup.parse(HttpApi.anonymous(server.url()).get("project/" + project + "/1.0/").body())
                .select("li.finding[data-task=py-notes] .finding-message").text()).isEqualTo("ran as uid 65534");

        HttpResponse<String> bare = workerToken().post("/api/worker/claim",
                "{\"worker\":\"bare\",\"offer\":{\"tasks\":[\"metadata\"]}}");
        assertThat(bare.statusCode()).as("no plugin is enabled: " + bare.body()).isIn(200, 204);
    }
}
