package dev.assay.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import dev.assay.server.testing.PythonDistributions.Spec;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.TinyBuildBackend;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxProbe;
import tools.jackson.databind.JsonNode;

/**
 * A server whose pipelines run the sandboxed tasks: skipped loudly on a machine that cannot sandbox, failed
 * there when {@code CI=true}.
 */
public abstract class SandboxedFixture extends PipelineFixture {

    @BeforeAll
    protected void sandboxedMachine() throws Exception {
        SandboxProbe probe = Sandbox.probe();
        if (probe.sandbox().isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but the sandboxed pipeline tests cannot run: " + probe.report());
            }
            System.err.println("\n!!!!!!!! SKIPPING SANDBOXED PIPELINE TESTS: " + probe.report() + " !!!!!!!!\n");
            Assumptions.abort("no sandbox: " + probe.report());
        }
        // The sandbox runs as nobody, who must be able to reach the job workspaces under the data directory.
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx--x--x"));
    }

    /** The release's pipeline of {@code filename} (newest first in the API) once it has ended. */
    protected JsonNode finished(String project, String version, String filename, Duration deadline) {
        String path = "api/v1/projects/" + project + "/releases/" + version + "/pipelines";
        return eventually("a finished pipeline of " + filename, deadline, () -> {
            for (JsonNode pipeline : owner.json(path)) {
                if (filename.equals(pipeline.get("filename").asString())) {
                    return pipeline;
                }
            }
            return null;
        }, pipeline -> pipeline != null && pipeline.get("finishedAt") != null && !pipeline.get("finishedAt").isNull());
    }

    /**
     * Uploads the wheel of a tiny build backend, {@code tiny-backend-KIND}, then the sdist of {@code project} 1.0,
     * whose pyproject.toml requires it and names it as the backend: the worker's Python has no such backend.
     */
    protected TinyBuild uploadSdistOfATinyBackendsProject(String project) throws Exception {
        String backend = "tiny-backend-" + databaseKind();
        Path work = Files.createTempDirectory(data, "build");
        Spec backendSpec = Spec.of(backend, "1.0");
        PythonDistributions.Built tiny = PythonDistributions.build(work,
                backendSpec.withFiles(Map.of(backendSpec.module() + "/__init__.py", TinyBuildBackend.SOURCE)));
        String module = project.replace('-', '_');
        Path sdist = PythonDistributions.handWrittenSdist(work, project, "1.0", Map.of(
                "pyproject.toml", TinyBuildBackend.pyproject(backend + ">=1", backendSpec.module(), project, "1.0"),
                module + "/__init__.py", "VALUE = 1\n"));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, tiny.wheel()).assertSucceeded();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, sdist).assertSucceeded();
        return new TinyBuild(backend + ">=1", tiny.wheel().getFileName().toString(), sdist.getFileName().toString(),
                module + "-1.0-py3-none-any.whl");
    }

    /** What {@link #uploadSdistOfATinyBackendsProject} uploaded, and the wheel a build of the sdist makes. */
    protected record TinyBuild(String requirement, String backendWheel, String sdist, String builtWheel) {

        /** Asserts that the build-wheelhouse staged the backend from the index and the build used it. */
        public void assertBuiltWithTheStagedBackend(JsonNode pipeline) {
            Map<String, JsonNode> tasks = tasks(pipeline);
            assertThat(tasks.get("build-wheelhouse").get("outcome").asString()).as(pipeline::toString)
                    .isEqualTo("passed");
            assertThat(tasks.get("build-wheelhouse").get("findings").toString()).as(pipeline::toString)
                    .contains("from-index", "'" + requirement + "' staged as " + backendWheel);
            assertThat(tasks.get("build").get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
            assertThat(tasks.get("build").get("findings").toString()).as(pipeline::toString)
                    .contains("build-requirements-from-index").doesNotContain("worker's Python");
            assertThat(tasks.get("build").get("summary").asString()).contains("built " + builtWheel);
            assertThat(tasks.get("import").get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
        }
    }
}
