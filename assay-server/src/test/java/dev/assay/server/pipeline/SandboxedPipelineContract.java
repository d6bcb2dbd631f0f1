package dev.assay.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonDistributions.Spec;
import dev.assay.server.testing.PythonTools;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxProbe;
import tools.jackson.databind.JsonNode;

/** Uploads run the sandboxed tasks, with dependencies staged from this index only. */
abstract class SandboxedPipelineContract extends PipelineFixture {

    @Override
    Map<String, Object> pipelineSettings() {
        return sandboxedSettings();
    }

    @BeforeAll
    void sandboxedMachine() throws Exception {
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

    @Test
    void wheelInstallsAndImportsWithItsDependencyFromTheWheelhouse() throws Exception {
        String dependency = "dep-" + databaseKind();
        String project = "good-" + databaseKind();
        Path work = Files.createTempDirectory(data, "build");
        PythonDistributions.Built dep = PythonDistributions.build(work, Spec.of(dependency, "1.2"));
        PythonDistributions.Built good = PythonDistributions.build(work,
                Spec.of(project, "1.0").withDependencies(dependency + ">=1.0"));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, dep.wheel()).assertSucceeded();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, good.sdist()).assertSucceeded();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, good.wheel()).assertSucceeded();

        JsonNode pipeline = finished(project, good.wheel().getFileName().toString());

        Map<String, JsonNode> tasks = tasks(pipeline);
        assertThat(tasks.keySet()).containsExactlyInAnyOrder("metadata", "wheelhouse", "install", "import", "test");
        assertThat(tasks.get("install").get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
        assertThat(tasks.get("import").get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
        assertThat(tasks.get("wheelhouse").get("findings").toString())
                .contains("from-index", dep.wheel().getFileName().toString());
        assertThat(pipeline.toString()).doesNotContain("not-in-index");
        assertThat(pipeline.get("status").asString()).as(pipeline::toString).isEqualTo("passed");
        HttpResponse<String> page = stranger.get("pipelines/" + pipeline.get("id").asLong());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("wheelhouse", "install", "import", dep.wheel().getFileName().toString());

        JsonNode sdistPipeline = finished(project, good.sdist().getFileName().toString());
        assertThat(tasks(sdistPipeline).keySet()).as(sdistPipeline::toString)
                .containsExactlyInAnyOrder("metadata", "wheelhouse", "build", "install", "import", "test");
        assertThat(tasks(sdistPipeline).get("build").get("outcome").asString()).as(sdistPipeline::toString)
                .isEqualTo("passed");
    }

    @Test
    void dependencyMissingFromTheIndexFailsInstallWithAFindingNamingIt() throws Exception {
        String project = "needy-" + databaseKind();
        String secret = "secret-" + databaseKind();
        Path work = Files.createTempDirectory(data, "build");
        PythonDistributions.Built hidden = PythonDistributions.build(work, Spec.of(secret, "1.0"));
        PythonDistributions.Built needy = PythonDistributions.build(work,
                Spec.of(project, "1.0").withDependencies("absent-from-assay>=2", secret));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, hidden.wheel()).assertSucceeded();
        HttpResponse<String> hide = owner.put("api/v1/projects/" + secret + "/visibility",
                "{\"visibility\":\"private\"}");
        assertThat(hide.statusCode()).as(hide.body()).isEqualTo(200);
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, needy.wheel()).assertSucceeded();

        JsonNode pipeline = finished(project, needy.wheel().getFileName().toString());

        Map<String, JsonNode> tasks = tasks(pipeline);
        assertThat(pipeline.get("status").asString()).isEqualTo("failed");
        assertThat(tasks.get("install").get("outcome").asString()).as(pipeline::toString).isEqualTo("failed");
        assertThat(tasks.get("install").get("findings").toString()).contains("missing-dependency", "absent-from-assay");
        assertThat(tasks.get("wheelhouse").get("findings").toString()).contains("not-in-index", "absent-from-assay>=2")
                .as("a public project's pipeline does not stage a private project")
                .contains("'" + secret + "' cannot be satisfied").doesNotContain("from-index");
        assertThat(tasks.get("import").get("outcome").asString()).isEqualTo("skipped");
        assertThat(tasks).doesNotContainKey("test");
    }

    private JsonNode finished(String project, String filename) {
        String path = "api/v1/projects/" + project + "/releases/1.0/pipelines";
        return eventually("a finished pipeline of " + filename, () -> {
            for (JsonNode pipeline : owner.json(path)) {
                if (filename.equals(pipeline.get("filename").asString())) {
                    return pipeline;
                }
            }
            return null;
        }, pipeline -> pipeline != null && pipeline.get("finishedAt") != null && !pipeline.get("finishedAt").isNull());
    }
}
