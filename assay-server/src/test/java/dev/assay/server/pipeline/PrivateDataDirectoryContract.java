package dev.assay.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.workers.JobRunner;
import dev.assay.server.pipeline.workers.WorkRoot;
import dev.assay.server.testing.PythonDistributions.Spec;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import tools.jackson.databind.JsonNode;

/**
 * {@code assay serve --data ~/assay-data} run as root, with the home folder only its owner may enter (mode 0700, as
 * Debian creates them): the sandbox, which drops to nobody, cannot reach {@code DATA/pipeline-work}, so the job
 * workspaces go to a directory of Assay's own, and pipelines run.
 */
abstract class PrivateDataDirectoryContract extends SandboxedFixture {

    @Override
    protected Map<String, Object> pipelineSettings() {
        return sandboxedSettings();
    }

    @BeforeAll
    void dataInAFolderOnlyItsOwnerMayEnter() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "only root's sandbox drops to nobody");
        // after the fixture made it searchable
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    }

    @AfterAll
    void removeTheWorkspacesDirectory() throws Exception {
        JobRunner.deleteQuietly(WorkRoot.reachable(data.resolve("pipeline-work")));
    }

    @Test
    void pipelinesRunWithTheirWorkspacesWhereTheSandboxUserReachesThem() throws Exception {
        String dependency = "home-dep-" + databaseKind();
        String project = "home-" + databaseKind();
        Path work = Files.createTempDirectory(data, "build");
        PythonDistributions.Built dep = PythonDistributions.build(work, Spec.of(dependency, "1.0"));
        PythonDistributions.Built built = PythonDistributions.build(work,
                Spec.of(project, "1.0").withDependencies(dependency + ">=1"));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, dep.wheel()).assertSucceeded();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, built.wheel()).assertSucceeded();

        JsonNode pipeline = finished(project, "1.0", built.wheel().getFileName().toString(), DEADLINE);

        assertThat(pipeline.toString()).doesNotContain("cannot reach");
        assertThat(tasks(pipeline).get("install").get("outcome").asString()).as(pipeline::toString)
                .isEqualTo("passed");
        assertThat(pipeline.get("status").asString()).as(pipeline::toString).isEqualTo("passed");
        Path workspaces = WorkRoot.reachable(data.resolve("pipeline-work"));
        assertThat(workspaces.startsWith(data)).as(workspaces + " is outside the data directory").isFalse();
        assertThat(Files.getPosixFilePermissions(workspaces)).isEqualTo(PosixFilePermissions.fromString("rwx--x--x"));
        try (Stream<Path> left = Files.walk(workspaces)) {
            // the server's own folder (<random>/, held by a lock) stays while it runs
            assertThat(left.filter(path -> path.getFileName().toString().startsWith("job-")))
                    .as("the job's workspace is removed").isEmpty();
        }
    }
}
