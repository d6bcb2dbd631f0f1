package dev.assay.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.assay.server.testing.PythonDistributions.Spec;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline's scenarios end to end: packages the tests write, uploaded with twine, run by the in-process
 * worker in the sandbox, read back through the JSON API.
 */
abstract class UploadScenariosContract extends SandboxedFixture {

    private static final Duration SLOW = Duration.ofMinutes(4);

    @Override
    protected Map<String, Object> pipelineSettings() {
        // Small limits, so the hostile packages meet them quickly. Each hostile run waits out the whole wall time
        // (its last act sleeps forever); its attempts before that fit in 6 s even on a loaded machine.
        Map<String, Object> settings = new HashMap<>(sandboxedSettings());
        settings.putAll(Map.of("assay.pipeline.limits.wall-time", "12s", "assay.pipeline.limits.processes", "64",
                "assay.pipeline.limits.file-size", "64MB", "assay.pipeline.limits.memory", "512MB"));
        return settings;
    }

    @Test
    void wellBehavedPackageWithThreePassingTestsAndOneFailing() throws Exception {
        String project = "calc-" + databaseKind();
        Spec spec = Spec.of(project, "1.0").withFiles(Map.of(
                module(project) + "/__init__.py", "import os\n\n\ndef add(a, b):\n    return a + b\n",
                "tests/test_calc.py", """
                        from %s import add


                        def test_adds():
                            assert add(1, 2) == 3


                        def test_adds_negatives():
                            assert add(-1, -2) == -3


                        def test_adds_zero():
                            assert add(0, 5) == 5


                        def test_adds_wrongly():
                            assert add(2, 2) == 5, "two and two make four"
                        """.formatted(module(project))));
        PythonDistributions.Built built = PythonDistributions.build(Files.createTempDirectory(data, "calc"), spec);
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, built.sdist()).assertSucceeded();

        JsonNode pipeline = finished(project, "1.0", built.sdist().getFileName().toString(), SLOW);

        Map<String, JsonNode> tasks = tasks(pipeline);
        assertThat(outcome(tasks, "build")).as(pipeline::toString).isEqualTo("passed");
        assertThat(outcome(tasks, "install")).as(pipeline::toString).isEqualTo("passed");
        assertThat(severities(tasks.get("install"))).as(pipeline::toString).allMatch("info"::equals);
        assertThat(outcome(tasks, "import")).as(pipeline::toString).isEqualTo("passed");
        assertThat(outcome(tasks, "test")).as(pipeline::toString).isEqualTo("failed");
        assertThat(tasks.get("test").get("summary").asString()).contains("3 passed, 1 failed");
        assertThat(tasks.get("test").get("findings").toString()).contains("test_adds_wrongly",
                "two and two make four");
        assertThat(tasks.get("coverage").get("summary").asString()).as(pipeline::toString).matches("coverage \\d+% .*");
        assertThat(tasks.get("coverage").get("rawData").get("values").get("coverageTotal").asDouble())
                .isBetween(50.0, 100.0);
        assertThat(tasks.get("lint").get("findings").toString()).as(pipeline::toString)
                .contains("pyflakes/unused-import", "'os' imported but unused");
        assertThat(pipeline.get("status").asString()).isEqualTo("failed");
        tasks.values().forEach(task -> assertThat(task.get("durationMs").asLong()).isNotNegative()
                .isLessThanOrEqualTo(pipeline.get("durationMs").asLong()));
        assertThat(owner.get("project/" + project + "/1.0/").body()).as("the release page shows the job's total")
                .contains(String.format(java.util.Locale.ROOT, " in %.1f s", pipeline.get("durationMs").asLong()
                        / 1000.0));
    }

    @Test
    void hostileWheelIsCaughtAtImportAndTheHostIsUntouched() throws Exception {
        String project = "hostile-wheel-" + databaseKind();
        try (HostileCode hostile = new HostileCode()) {
            Spec spec = Spec.of(project, "1.0").withFiles(Map.of(module(project) + "/__init__.py", hostile.python()));
            PythonDistributions.Built built = PythonDistributions.build(Files.createTempDirectory(data, "hw"), spec);
            PythonTools.twineUpload(server.url(), "olive", PASSWORD, built.wheel()).assertSucceeded();

            JsonNode pipeline = finished(project, "1.0", built.wheel().getFileName().toString(), SLOW);

            Map<String, JsonNode> tasks = tasks(pipeline);
            assertThat(outcome(tasks, "install")).as(pipeline::toString).isEqualTo("passed");
            assertThat(outcome(tasks, "import")).as(pipeline::toString).isIn("failed", "error");
            assertHostileAttemptsFound(tasks.get("import"), hostile);
            assertThat(hostile.hostUntouched()).isTrue();
        }
    }

    @Test
    void hostileSdistIsCaughtAtBuildAndTheHostIsUntouched() throws Exception {
        String project = "hostile-sdist-" + databaseKind();
        try (HostileCode hostile = new HostileCode()) {
            Path sdist = PythonDistributions.handWrittenSdist(Files.createTempDirectory(data, "hs"), project, "1.0",
                    Map.of("setup.py", hostile.python() + "\nfrom setuptools import setup\nsetup(name='" + project
                            + "', version='1.0')\n"));
            PythonTools.twineUpload(server.url(), "olive", PASSWORD, sdist).assertSucceeded();

            JsonNode pipeline = finished(project, "1.0", sdist.getFileName().toString(), SLOW);

            Map<String, JsonNode> tasks = tasks(pipeline);
            assertThat(outcome(tasks, "build")).as(pipeline::toString).isIn("failed", "error");
            assertHostileAttemptsFound(tasks.get("build"), hostile);
            assertThat(outcome(tasks, "install")).isEqualTo("skipped");
            assertThat(hostile.hostUntouched()).isTrue();
        }
    }

    private static void assertHostileAttemptsFound(JsonNode task, HostileCode hostile) {
        String findings = task.get("findings").toString();
        assertThat(findings).as(task::toString)
                .contains("1.1.1.1:443", "127.0.0.1:" + hostile.listenerPort(), hostile.sshKeys.toString(),
                        hostile.hostTmpFile.toString(), "/etc/shadow", "curl");
        assertThat(finding(task, "network-attempt", "1.1.1.1:443")).isEqualTo("critical");
        assertThat(finding(task, "sensitive-read", "/etc/shadow")).isEqualTo("critical");
        assertThat(finding(task, "write-outside", hostile.hostTmpFile.toString())).isIn("error", "critical");
        assertThat(finding(task, "process-started", "curl")).isIn("warning", "error");
        assertThat(finding(task, "limit-hit", "process limit")).isEqualTo("error");
        assertThat(finding(task, "limit-hit", "file size limit")).isEqualTo("error");
        assertThat(finding(task, "limit-hit", "wall time limit")).isEqualTo("error");
    }

    private static String finding(JsonNode task, String code, String text) {
        for (JsonNode finding : task.get("findings")) {
            if (code.equals(finding.get("code").asString()) && finding.get("message").asString().contains(text)) {
                return finding.get("severity").asString();
            }
        }
        throw new AssertionError("no " + code + " finding mentioning " + text + " in " + task);
    }

    private static String outcome(Map<String, JsonNode> tasks, String name) {
        assertThat(tasks).containsKey(name);
        return tasks.get(name).get("outcome").asString();
    }

    private static List<String> severities(JsonNode task) {
        return task.get("findings").valueStream().map(finding -> finding.get("severity").asString()).toList();
    }

    private static String module(String project) {
        return project.replace('-', '_');
    }
}
