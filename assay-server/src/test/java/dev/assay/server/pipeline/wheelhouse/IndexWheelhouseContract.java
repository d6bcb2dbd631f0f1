package dev.assay.server.pipeline.wheelhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.packaging.requirement.MarkerEnvironment;
import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.testing.StaticUpstream;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.upstream.config.UpstreamRepository;

/**
 * The wheelhouse resolver stages, of a dependency's wheels, one the worker's Python can install, as pip picks it;
 * from this index, and from upstream for the names it does not host.
 */
abstract class IndexWheelhouseContract extends PipelineFixture {

    private static final MarkerEnvironment CP311_LINUX = MarkerEnvironment.cpython("3.11.2", "linux", "x86_64");

    @Override
    protected Map<String, Object> pipelineSettings() {
        // Nothing runs the uploads' pipelines: the resolver is asked directly.
        return Map.of("assay.pipeline.workers", 0, "assay.pipeline.lease", "1m");
    }

    @Test
    void stagesTheBestWheelForTheWorkersPythonWhateverOrderTheyWereUploadedIn() throws Exception {
        String dependency = "tagged-" + databaseKind();
        // The newest release has wheels only for Windows and musl; the one before lists its Windows wheel first.
        upload(dependency, "1.0", "cp312-cp312-win_amd64", "py3-none-any", "cp311-cp311-manylinux_2_17_x86_64");
        upload(dependency, "2.0", "cp311-cp311-win_amd64", "cp311-cp311-musllinux_1_1_x86_64");
        String root = root("wants-tagged-" + databaseKind(), dependency + ">=1.0");

        assertThat(staged(root, CP311_LINUX)).containsExactly(stem(dependency, "1.0") + "-cp311-cp311-manylinux_2_17_x86_64.whl");
        assertThat(staged(root, MarkerEnvironment.cpython("3.12.1", "linux", "x86_64")))
                .containsExactly(stem(dependency, "1.0") + "-py3-none-any.whl");
        assertThat(staged(root, MarkerEnvironment.cpython("3.12.1", "linux", "aarch64")))
                .containsExactly(stem(dependency, "1.0") + "-py3-none-any.whl");
        assertThat(staged(root, MarkerEnvironment.cpython("3.11.9", "win32", "AMD64")))
                .containsExactly(stem(dependency, "2.0") + "-cp311-cp311-win_amd64.whl");
    }

    @Test
    void aDependencyWithoutAWheelForTheWorkersPythonIsUnresolvedWithTheWheelsItHas() throws Exception {
        String windowsOnly = "windows-only-" + databaseKind();
        upload(windowsOnly, "1.0", "cp311-cp311-win_amd64", "cp311-cp311-macosx_11_0_arm64");
        upload(windowsOnly, "1.1", "cp311-cp311-win_amd64", "cp312-cp312-manylinux_2_17_x86_64");
        String root = root("wants-windows-" + databaseKind(), windowsOnly, "absent-from-assay>=2");

        IndexWheelhouse.Picks picks = server.bean(IndexWheelhouse.class).pick(root, "1.0", List.of(), CP311_LINUX);

        assertThat(picks.picked()).isEmpty();
        assertThat(picks.unresolved()).extracting(IndexWheelhouse.Unresolved::requirement, IndexWheelhouse.Unresolved::code)
                .containsExactlyInAnyOrder(tuple(windowsOnly, "no-compatible-wheel"),
                        tuple("absent-from-assay>=2", "not-in-index"));
        IndexWheelhouse.Unresolved noWheel = picks.unresolved().stream()
                .filter(unresolved -> unresolved.requirement().equals(windowsOnly)).findFirst().orElseThrow();
        assertThat(noWheel.reason()).startsWith("has no wheel for CPython 3.11 on linux x86_64 in this index: its wheels are "
                + stem(windowsOnly, "1.1") + "-cp311-cp311-win_amd64.whl, " + stem(windowsOnly, "1.1")
                + "-cp312-cp312-manylinux_2_17_x86_64.whl, ").endsWith(" and 1 more");
        // On Windows the same requirement is satisfied, by the newest release.
        assertThat(staged(root, MarkerEnvironment.cpython("3.11.9", "win32", "AMD64")))
                .containsExactly(stem(windowsOnly, "1.1") + "-cp311-cp311-win_amd64.whl");
    }

    @Test
    void noPipelineStagesAHeldProjectsWheelsForAnotherAndAHeldProjectsPipelineStagesNoPrivateOnes() throws Exception {
        String heldDependency = "held-dependency-" + databaseKind();
        upload(heldDependency, "1.0", "py3-none-any");
        hold(heldDependency);
        String publicRoot = root("wants-held-" + databaseKind(), heldDependency);
        String privateDependency = "private-dependency-" + databaseKind();
        upload(privateDependency, "1.0", "py3-none-any");
        assertThat(owner.put("api/v1/projects/" + privateDependency + "/visibility", "{\"visibility\":\"private\"}")
                .statusCode()).isEqualTo(200);
        String heldRoot = root("held-wants-private-" + databaseKind(), privateDependency);
        hold(heldRoot);

        assertThat(server.bean(IndexWheelhouse.class).pick(publicRoot, "1.0", List.of(), CP311_LINUX).unresolved())
                .extracting(IndexWheelhouse.Unresolved::code).containsExactly("not-in-index");
        assertThat(server.bean(IndexWheelhouse.class).pick(heldRoot, "1.0", List.of(), CP311_LINUX).unresolved())
                .as("reviewers read a held project's pipelines, not the private project's code")
                .extracting(IndexWheelhouse.Unresolved::code).containsExactly("not-in-index");
    }

    @Test
    void aNameThisIndexDoesNotHostIsStagedFromUpstreamWithItsOwnDependenciesButAHostedNameNeverIs(@TempDir Path tree)
            throws Exception {
        UpstreamRepository upstreams = server.bean(UpstreamRepository.class);
        try (StaticUpstream upstream = StaticUpstream.serve(tree, List.of("requests", "idna", "urllib3", "certifi",
                "charset-normalizer"))) {
            long configured = upstreams.insert(upstream.url(), Optional.empty(), Optional.empty(), 1, 0, false,
                    Instant.now());
            try {
                upload("idna", "3.0", "py3-none-any");
                String root = root("wants-requests-" + databaseKind(), "requests>=2");

                IndexWheelhouse.Picks picks = server.bean(IndexWheelhouse.class).pick(root, "1.0", List.of(),
                        CP311_LINUX);

                assertThat(picks.unresolved()).isEmpty();
                assertThat(picks.picked()).extracting(picked -> picked.staged().project(),
                        picked -> picked.staged().upstream()).containsExactlyInAnyOrder(
                                tuple("requests", upstream.url()), tuple("charset-normalizer", upstream.url()),
                                tuple("urllib3", upstream.url()), tuple("certifi", upstream.url()),
                                tuple("idna", null));
                assertThat(picks.picked()).extracting(picked -> picked.staged().filename())
                        .as("the hosted idna, never upstream's").contains("idna-3.0-py3-none-any.whl")
                        .noneMatch(filename -> filename.startsWith("idna-3.2"));

                upstream.stop();
                String alsoSix = root("wants-requests-and-six-" + databaseKind(), "requests>=2", "six");
                IndexWheelhouse.Picks down = server.bean(IndexWheelhouse.class).pick(alsoSix, "1.0", List.of(),
                        CP311_LINUX);
                assertThat(down.picked()).as("requests' page and wheels are cached")
                        .extracting(picked -> picked.staged().project()).contains("requests", "urllib3");
                assertThat(down.unresolved()).singleElement().satisfies(six -> {
                    assertThat(six.requirement()).isEqualTo("six");
                    assertThat(six.code()).isEqualTo("upstream-failed");
                    assertThat(six.reason()).startsWith("cannot be looked up upstream, and no copy is cached: ")
                            .contains(upstream.url());
                });
            } finally {
                upstreams.delete(configured);
            }
        }
    }

    // as a server that reviews new projects would have held it from its creation
    private void hold(String project) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement update = connection.prepareStatement(
                "UPDATE projects SET held = TRUE WHERE normalized_name = ?")) {
            update.setString(1, project);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private List<String> staged(String root, MarkerEnvironment environment) {
        return server.bean(IndexWheelhouse.class).pick(root, "1.0", List.of(), environment).picked().stream()
                .map(picked -> picked.staged().filename()).toList();
    }

    private String root(String project, String... requirements) throws IOException, InterruptedException {
        TestDistributions.Spec spec = new TestDistributions.Spec(project, "1.0",
                Arrays.stream(requirements).map(requirement -> "Requires-Dist: " + requirement).toList(), "");
        spec.upload(TestDistributions.wheel(Files.createTempDirectory(data, "root"), spec), server.url(), "olive", PASSWORD);
        return project;
    }

    // Uploads the release's wheels in the order given, which is the order the index lists them in.
    private void upload(String project, String version, String... tags) throws IOException, InterruptedException {
        TestDistributions.Spec spec = new TestDistributions.Spec(project, version, List.of(), "");
        Path directory = Files.createTempDirectory(data, "wheels");
        for (String tag : tags) {
            spec.upload(TestDistributions.wheel(directory, spec, tag), server.url(), "olive", PASSWORD);
        }
    }

    private static String stem(String project, String version) {
        return project.replace('-', '_') + "-" + version;
    }
}
