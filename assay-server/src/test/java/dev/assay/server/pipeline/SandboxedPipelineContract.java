package dev.assay.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.assay.server.testing.PythonDistributions.Spec;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.TestDistributions;
import tools.jackson.databind.JsonNode;

/** Uploads run the sandboxed tasks, with dependencies staged from this index only. */
abstract class SandboxedPipelineContract extends SandboxedFixture {

    @Override
    protected Map<String, Object> pipelineSettings() {
        return sandboxedSettings();
    }

    @Test
    void wheelInstallsAndImportsWithItsDependencyFromTheWheelhouse() throws Exception {
        String dependency = "dep-" + databaseKind();
        String project = "good-" + databaseKind();
        Path work = Files.createTempDirectory(data, "build");
        PythonDistributions.Built dep = PythonDistributions.build(work, Spec.of(dependency, "1.2"));
        PythonDistributions.Built good = PythonDistributions.build(work,
                Spec.of(project, "1.0").withDependencies(dependency + ">=1.0"));
        // Uploaded first, the dependency's Windows wheel is the first the index lists; pip on Linux cannot install it.
        TestDistributions.Spec windows = new TestDistributions.Spec(dependency, "1.2", List.of(), "");
        windows.upload(TestDistributions.wheel(work, windows, "cp311-cp311-win_amd64"), server.url(), "olive", PASSWORD);
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, dep.wheel()).assertSucceeded();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, good.sdist()).assertSucceeded();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, good.wheel()).assertSucceeded();

        JsonNode pipeline = finished(project, good.wheel().getFileName().toString());

        Map<String, JsonNode> tasks = tasks(pipeline);
        assertThat(tasks.keySet()).containsExactlyInAnyOrder("metadata", "wheelhouse", "install", "import", "test",
                "coverage", "lint", "description");
        assertThat(tasks.get("install").get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
        assertThat(tasks.get("import").get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
        assertThat(tasks.get("wheelhouse").get("findings").toString())
                .contains("from-index", dep.wheel().getFileName().toString()).doesNotContain("win_amd64");
        assertThat(pipeline.toString()).doesNotContain("not-in-index");
        assertThat(pipeline.get("status").asString()).as(pipeline::toString).isEqualTo("passed");
        JsonNode trace = tasks.get("install").get("rawData").get("files").get("pip-trace");
        assertThat(trace).as("pip's install trace is kept: " + pipeline).isNotNull();
        HttpResponse<String> keptTrace = stranger.get(trace.get("url").asString());
        assertThat(keptTrace.statusCode()).isEqualTo(200);
        assertThat(keptTrace.body()).contains("execve(");
        HttpResponse<String> page = stranger.get("pipelines/" + pipeline.get("id").asLong());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("wheelhouse", "install", "import", dep.wheel().getFileName().toString());

        JsonNode sdistPipeline = finished(project, good.sdist().getFileName().toString());
        assertThat(tasks(sdistPipeline).keySet()).as(sdistPipeline::toString)
                .containsExactlyInAnyOrder("metadata", "wheelhouse", "build-wheelhouse", "build", "install", "import",
                        "test", "coverage", "lint", "description");
        assertThat(tasks(sdistPipeline).get("build").get("outcome").asString()).as(sdistPipeline::toString)
                .isEqualTo("passed");
        assertThat(tasks(sdistPipeline).get("build-wheelhouse").get("findings").toString()).as(sdistPipeline::toString)
                .contains("not-in-index", "'setuptools>=61' cannot be satisfied by this index; the build uses the "
                        + "worker's Python");
        assertThat(tasks(sdistPipeline).get("build").get("findings").toString()).as(sdistPipeline::toString)
                .contains("build-requirements-from-worker",
                        "build requirements not in this index: setuptools>=61, wheel; built with the worker's Python");
    }

    @Test
    void anSdistWhosePkgInfoListsNoDependenciesInstallsWithThoseItsBuiltWheelRequires() throws Exception {
        String dependency = "listed-nowhere-" + databaseKind();
        String project = "old-pkg-info-" + databaseKind();
        Path work = Files.createTempDirectory(data, "build");
        PythonDistributions.Built dep = PythonDistributions.build(work, Spec.of(dependency, "1.0"));
        String module = project.replace('-', '_');
        // PKG-INFO of Metadata-Version 2.1 without Requires-Dist, as older setuptools wrote it; the wheel built
        // from the sources requires the dependency, and imports it.
        Path sdist = PythonDistributions.handWrittenSdist(work, project, "1.0", Map.of("pyproject.toml", """
                [build-system]
                requires = ["setuptools>=61"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "%s"
                version = "1.0"
                dependencies = ["%s>=1"]
                """.formatted(project, dependency),
                module + "/__init__.py", "import " + Spec.of(dependency, "1.0").module() + "\nVALUE = 1\n"));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, dep.wheel()).assertSucceeded();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, sdist).assertSucceeded();

        JsonNode pipeline = finished(project, sdist.getFileName().toString());

        Map<String, JsonNode> tasks = tasks(pipeline);
        assertThat(tasks.get("wheelhouse").get("findings").toString()).as(pipeline::toString)
                .contains("from-index", dep.wheel().getFileName().toString()).doesNotContain("not-in-index");
        assertThat(tasks.get("install").get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
        assertThat(tasks.get("import").get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
    }

    @Test
    void anSdistsBuildBackendHostedOnThisIndexBuildsItInsteadOfTheWorkersPython() throws Exception {
        String project = "tiny-built-" + databaseKind();
        TinyBuild upload = uploadSdistOfATinyBackendsProject(project);

        upload.assertBuiltWithTheStagedBackend(finished(project, upload.sdist()));
    }

    @Test
    void anSdistWhoseSetupPyLeavesASleeperRunningEndsPromptlyAndTheBuildNamesIt() throws Exception {
        String project = "lingering-" + databaseKind();
        String sleeper = "sleep 1000." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String module = project.replace('-', '_');
        // A double fork that escapes the process group and keeps the build's output open.
        Path sdist = PythonDistributions.handWrittenSdist(Files.createTempDirectory(data, "build"), project, "1.0",
                Map.of("setup.py", """
                        import os
                        from setuptools import setup
                        os.system("(setsid %s &)")
                        setup(name="%s", version="1.0", packages=["%s"])
                        """.formatted(sleeper, project, module), module + "/__init__.py", "VALUE = 1\n"));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, sdist).assertSucceeded();

        JsonNode pipeline = finished(project, sdist.getFileName().toString());

        Map<String, JsonNode> tasks = tasks(pipeline);
        assertThat(tasks.get("build").get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
        assertThat(tasks.get("build").get("findings").toString()).as(pipeline::toString)
                .contains("left-running", sleeper).doesNotContain("wall time");
        assertThat(ProcessHandle.allProcesses().map(process -> process.info().commandLine().orElse(""))
                .filter(commandLine -> commandLine.contains(sleeper))).as("left behind on the host").isEmpty();
    }

    @Test
    void dependencyMissingFromTheIndexFailsInstallWithAFindingNamingIt() throws Exception {
        String project = "needy-" + databaseKind();
        String secret = "secret-" + databaseKind();
        String windowsOnly = "windows-only-" + databaseKind();
        Path work = Files.createTempDirectory(data, "build");
        TestDistributions.Spec windows = new TestDistributions.Spec(windowsOnly, "1.0", List.of(), "");
        Path windowsWheel = TestDistributions.wheel(work, windows, "cp311-cp311-win_amd64");
        windows.upload(windowsWheel, server.url(), "olive", PASSWORD);
        PythonDistributions.Built hidden = PythonDistributions.build(work, Spec.of(secret, "1.0"));
        PythonDistributions.Built needy = PythonDistributions.build(work,
                Spec.of(project, "1.0").withDependencies("absent-from-assay>=2", secret, windowsOnly));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, hidden.wheel()).assertSucceeded();
        makePrivate(secret);
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, needy.wheel()).assertSucceeded();

        JsonNode pipeline = finished(project, needy.wheel().getFileName().toString());

        Map<String, JsonNode> tasks = tasks(pipeline);
        assertThat(pipeline.get("status").asString()).isEqualTo("failed");
        assertThat(tasks.get("install").get("outcome").asString()).as(pipeline::toString).isEqualTo("failed");
        assertThat(tasks.get("install").get("findings").toString()).contains("missing-dependency", "absent-from-assay");
        assertThat(tasks.get("wheelhouse").get("findings").toString()).contains("not-in-index", "absent-from-assay>=2")
                .as("a public project's pipeline does not stage a private project")
                .contains("'" + secret + "' cannot be satisfied").doesNotContain("from-index")
                .as("a dependency with wheels for other platforms only is named with them")
                .contains("no-compatible-wheel", "'" + windowsOnly + "' has no wheel for CPython 3.",
                        " on linux ", "its wheels are " + windowsWheel.getFileName());
        assertThat(tasks.get("import").get("outcome").asString()).isEqualTo("skipped");
        assertThat(tasks).doesNotContainKey("test");
        assertThat(tasks.get("lint").get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
    }

    private JsonNode finished(String project, String filename) {
        return finished(project, "1.0", filename, DEADLINE);
    }
}
