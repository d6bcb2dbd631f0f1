package dev.assay.server.pipeline.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.assay.packaging.requirement.MarkerEnvironment;
import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.pipeline.queue.JobPriority;
import dev.assay.server.pipeline.wheelhouse.IndexWheelhouse;
import dev.assay.server.testing.TestDistributions;
import tools.jackson.databind.JsonNode;

/**
 * Which dependents a new release re-tests and how their jobs queue, with no worker to run them: the newest
 * release of each dependent its version satisfies, at most {@code max-dependents}, at the lowest priority, and
 * a wheelhouse that stages the new release even while its project is held.
 */
abstract class DownstreamQueueContract extends PipelineFixture {

    private static final MarkerEnvironment LINUX = MarkerEnvironment.cpython("3.11.2", "linux", "x86_64");

    @Override
    protected Map<String, Object> pipelineSettings() {
        return Map.of("assay.pipeline.workers", 0, "assay.downstream.max-dependents", 2);
    }

    @Test
    void aNewWheelQueuesTheBoundedDependentsItSatisfiesBelowEveryOtherJob() throws Exception {
        String library = "queued-lib-" + databaseKind();
        upload(library, "1.0");
        for (String app : List.of("app-c", "app-a", "app-b")) {
            upload(app + "-" + databaseKind(), "1.0", "Requires-Dist: " + library + ">=1");
        }
        upload("app-a-" + databaseKind(), "1.1", "Requires-Dist: " + library + ">=1");
        upload("app-0-old-" + databaseKind(), "1.0", "Requires-Dist: " + library + "<2");

        upload(library, "2.0");
        JsonNode report = owner.json("api/v1/projects/" + library + "/2.0/downstream");

        assertThat(report.get("total").asInt()).as(report::toString).isEqualTo(2);
        assertThat(report.get("pending").asInt()).isEqualTo(2);
        List<String> named = new java.util.ArrayList<>();
        for (JsonNode dependent : report.get("dependents")) {
            named.add(dependent.get("project").asString() + " " + dependent.get("version").asString());
            assertThat(number("SELECT priority FROM pipeline_jobs WHERE pipeline_id = ?",
                    dependent.get("pipelineId").asLong())).isEqualTo(JobPriority.DOWNSTREAM.value());
            assertThat(owner.json("api/v1/pipelines/" + dependent.get("pipelineId").asLong()).get("trigger")
                    .asString()).isEqualTo("downstream");
        }
        assertThat(named).containsExactly("app-a-" + databaseKind() + " 1.1", "app-b-" + databaseKind() + " 1.0");
    }

    @Test
    void aPrivateOrHeldLibrarysReleaseReTestsNobody() throws Exception {
        String library = "hidden-lib-" + databaseKind();
        upload(library, "1.0");
        upload("hidden-app-" + databaseKind(), "1.0", "Requires-Dist: " + library + ">=1");

        update("UPDATE projects SET visibility = 'private' WHERE normalized_name = ?", library);
        upload(library, "2.0");
        update("UPDATE projects SET visibility = 'public', held = TRUE WHERE normalized_name = ?", library);
        upload(library, "3.0");

        for (String version : List.of("2.0", "3.0")) {
            assertThat(owner.json("api/v1/projects/" + library + "/" + version + "/downstream").get("total").asInt())
                    .as(version).isZero();
        }
        update("UPDATE projects SET held = FALSE WHERE normalized_name = ?", library);
        upload(library, "4.0");
        assertThat(owner.json("api/v1/projects/" + library + "/4.0/downstream").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aReTestStagesItsReleaseEvenWhileItsProjectIsHeldAndNewerOnesExist() throws Exception {
        String library = "pinned-lib-" + databaseKind();
        String app = "pinned-app-" + databaseKind();
        upload(library, "1.0");
        upload(library, "2.0");
        upload(app, "1.0", "Requires-Dist: " + library + ">=1");
        update("UPDATE projects SET held = TRUE WHERE normalized_name = ?", library);
        IndexWheelhouse wheelhouse = server.bean(IndexWheelhouse.class);

        IndexWheelhouse.Picks ordinary = wheelhouse.pick(app, "1.0", List.of(), LINUX);
        IndexWheelhouse.Picks pinned = wheelhouse.pick(app, "1.0", List.of(), LINUX,
                Optional.of(new IndexWheelhouse.Pin(library, "1.0")));

        assertThat(ordinary.picked()).isEmpty();
        assertThat(ordinary.unresolved()).extracting(IndexWheelhouse.Unresolved::requirement)
                .containsExactly(library + ">=1");
        assertThat(pinned.picked()).extracting(picked -> picked.staged().filename())
                .containsExactly(library.replace('-', '_') + "-1.0-py3-none-any.whl");
        assertThat(wheelhouse.stageable(app, library.replace('-', '_') + "-1.0-py3-none-any.whl")).isEmpty();
        assertThat(wheelhouse.stageable(app, library.replace('-', '_') + "-1.0-py3-none-any.whl",
                Optional.of(new IndexWheelhouse.Pin(library, "1.0")))).isPresent();
    }

    private void upload(String project, String version, String... headers) throws Exception {
        TestDistributions.Spec spec = new TestDistributions.Spec(project, version, List.of(headers), "");
        Path directory = Files.createTempDirectory(data, "wheel");
        spec.upload(TestDistributions.wheel(directory, spec), server.url(), "olive", PASSWORD);
    }
}
