package dev.assay.server.pipeline.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.SandboxedFixture;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PythonDistributions.Spec;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import tools.jackson.databind.JsonNode;

/**
 * A worker without pytest, coverage.py and pyflakes — its tools directory holds only the build frontend and the
 * modules many packages install (packaging, tomli), as a Python without python3-pytest has them: the tasks that
 * need the missing tools end in error naming their Debian packages, never in a failure of the package, and tools
 * installed later are used from the next job on, without a restart.
 */
abstract class WorkerToolsContract extends SandboxedFixture {

    private static final Path DIST_PACKAGES = Path.of("/usr/lib/python3/dist-packages");
    private Path tools;

    @Override
    protected Map<String, Object> pipelineSettings() {
        tools = data.resolve("worker-tools");
        lend("build", "pep517", "pyproject_hooks", "packaging", "tomli");
        Map<String, Object> settings = new HashMap<>(sandboxedSettings());
        settings.put("assay.pipeline.tools.packages", tools.toString());
        return settings;
    }

    @Test
    void aMissingToolIsAnErrorOfTheWorkerNamingItsPackageAndInstallingItNeedsNoRestart() throws Exception {
        String project = "tooled-" + databaseKind();
        Path work = Files.createTempDirectory(data, "build");
        Path first = sdistWithPytestTests(work, project, "1.0");
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, first).assertSucceeded();

        JsonNode pipeline = finished(project, "1.0", first.getFileName().toString(), DEADLINE);

        Map<String, JsonNode> tasks = tasks(pipeline);
        assertThat(tasks.get("install").get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
        assertThat(tasks.get("test").get("outcome").asString()).as(pipeline::toString).isEqualTo("error");
        assertThat(tasks.get("test").toString()).contains("this worker has no pytest", "apt-get install python3-pytest")
                .doesNotContain("No module named pytest");
        assertThat(tasks.get("coverage").get("outcome").asString()).as(pipeline::toString).isEqualTo("error");
        assertThat(tasks.get("coverage").toString()).contains("apt-get install python3-coverage");
        assertThat(tasks.get("lint").get("outcome").asString()).as(pipeline::toString).isEqualTo("error");
        assertThat(tasks.get("lint").toString()).contains("apt-get install python3-pyflakes");
        assertThat(pipeline.get("status").asString()).as("the worker's error, not the package's failure")
                .isEqualTo("error");
        HttpResponse<String> badge = HttpApi.anonymous(server.url()).get("project/" + project + "/badge.svg");
        assertThat(badge.body()).contains("error").doesNotContain("failed");

        lend("pytest", "_pytest", "py.py", "pluggy", "iniconfig", "attr", "attrs", "exceptiongroup", "coverage",
                "pyflakes");
        Path second = sdistWithPytestTests(work, project, "1.1");
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, second).assertSucceeded();

        JsonNode again = finished(project, "1.1", second.getFileName().toString(), DEADLINE);
        assertThat(tasks(again).get("test").get("outcome").asString()).as(again::toString).isEqualTo("passed");
        assertThat(tasks(again).get("test").toString()).contains("1 passed");
        assertThat(tasks(again).get("coverage").get("outcome").asString()).as(again::toString).isEqualTo("passed");
        assertThat(tasks(again).get("lint").get("outcome").asString()).as(again::toString).isEqualTo("passed");
        assertThat(again.get("status").asString()).as(again::toString).isEqualTo("passed");
    }

    // Installs tools the way apt-get would make them appear: into the directory the worker looks in.
    private void lend(String... modules) {
        try {
            Files.createDirectories(tools);
            for (String module : List.of(modules)) {
                if (Files.exists(DIST_PACKAGES.resolve(module)) && !Files.exists(tools.resolve(module))) {
                    Files.createSymbolicLink(tools.resolve(module), DIST_PACKAGES.resolve(module));
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static Path sdistWithPytestTests(Path work, String project, String version) {
        Spec spec = Spec.of(project, version);
        return PythonDistributions.build(work, spec.withFiles(Map.of("tests/test_value.py", "import " + spec.module() + "\n\n"
                        + "def test_version():\n    assert " + spec.module() + ".VERSION == '" + version + "'\n")))
                .sdist();
    }
}
