package dev.assay.server.pipeline;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxProbe;
import tools.jackson.databind.JsonNode;

/**
 * A server whose pipelines run the sandboxed tasks: skipped loudly on a machine that cannot sandbox, failed
 * there when {@code CI=true}.
 */
abstract class SandboxedFixture extends PipelineFixture {

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

    /** The release's pipeline of {@code filename} (newest first in the API) once it has ended. */
    JsonNode finished(String project, String version, String filename, Duration deadline) {
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
}
