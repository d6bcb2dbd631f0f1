package dev.assay.server.pipeline.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.SandboxedFixture;
import dev.assay.server.testing.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * A command task from configuration: listed as available and disabled, run in the sandbox once enabled (the wheel
 * named where the sandbox sees it, as the sandbox's user), its exit code its outcome and the output lines its
 * pattern matches findings, which the release page shows. The sandboxed built-ins are switched off to keep it short.
 */
abstract class CommandTaskContract extends SandboxedFixture {

    /** The sandboxed built-ins, switched off to keep the pipelines short. */
    static final List<String> HEAVY = List.of("wheelhouse", "build-wheelhouse", "sdist", "build", "install",
            "import", "test", "coverage", "lint", "description");

    @Override
    protected Map<String, Object> pipelineSettings() {
        return withCommandTasks(sandboxedSettings());
    }

    /** {@code settings} with the command task py-notes, which reports a finding and fails, and a broken one. */
    static Map<String, Object> withCommandTasks(Map<String, Object> pipeline) {
        Map<String, Object> settings = new HashMap<>(pipeline);
        settings.put("assay.pipeline.command-tasks[0].name", "py-notes");
        settings.put("assay.pipeline.command-tasks[0].consumes[0]", "wheel");
        settings.put("assay.pipeline.command-tasks[0].command[0]", "/bin/sh");
        settings.put("assay.pipeline.command-tasks[0].command[1]", "-c");
        settings.put("assay.pipeline.command-tasks[0].command[2]",
                "echo \"note: {in:wheel}:7: ran as uid $(id -u)\"; echo 'other output'; exit 3");
        settings.put("assay.pipeline.command-tasks[0].findings", "^note: (?<file>[^:]+):(?<line>\\d+): (?<message>.*)$");
        settings.put("assay.pipeline.command-tasks[1].name", "broken");
        settings.put("assay.pipeline.command-tasks[1].command[0]", "cat");
        settings.put("assay.pipeline.command-tasks[1].command[1]", "{in:nothing}");
        return settings;
    }

    @Test
    void anEnabledCommandTaskRunsInTheSandboxAndItsFindingsShowOnTheReleasePage() throws Exception {
        JsonNode list = admin.json("/api/v1/admin/tasks");
        JsonNode notes = null;
        for (JsonNode task : list.get("tasks")) {
            notes = task.get("name").asString().equals("py-notes") ? task : notes;
        }
        assertThat(notes).as(list::toString).isNotNull();
        assertThat(notes.get("origin").asString()).isEqualTo("configuration");
        assertThat(notes.get("source").asString()).isEqualTo("assay.pipeline.command-tasks[0]");
        assertThat(notes.get("enabled").asBoolean()).isFalse();
        assertThat(notes.get("version").asString()).as("assay-tasks' own version is not the task's").isEmpty();
        assertThat(list.get("problems").toString()).contains("assay.pipeline.command-tasks[1]", "{in:nothing}");

        TaskSwitches switches = server.bean(TaskSwitches.class);
        HEAVY.forEach(task -> switches.change(task, false, "test"));
        switches.change("py-notes", true, "test");
        String project = uploadedProject();
        JsonNode task = tasks(finishedPipeline(project)).get("py-notes");
        assertThat(task.get("outcome").asString()).as(task::toString).isEqualTo("failed");
        assertThat(task.get("summary").asString()).contains("command exited with code 3", "1 finding(s)");
        JsonNode finding = task.get("findings").get(0);
        assertThat(finding.toString()).as("as nobody, the sandbox's user").contains("ran as uid 65534")
                .doesNotContain(data.toString()).contains(":7");

        Document release = Jsoup.parse(HttpApi.anonymous(server.url()).get("project/" + project + "/1.0/").body());
        assertThat(release.select("li.finding[data-task=py-notes] .finding-message").text())
                .isEqualTo("ran as uid 65534");
    }
}
