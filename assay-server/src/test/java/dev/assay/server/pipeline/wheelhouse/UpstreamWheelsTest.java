package dev.assay.server.pipeline.wheelhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.packaging.requirement.MarkerEnvironment;
import dev.assay.packaging.requirement.Requirement;
import dev.assay.packaging.tags.SupportedTags;
import dev.assay.packaging.tags.TargetPython;
import dev.assay.server.crypto.Sha256;
import dev.assay.server.error.BadGatewayException;
import dev.assay.server.upstream.MirroredFiles;
import dev.assay.server.upstream.UpstreamFile;
import dev.assay.server.upstream.UpstreamIndex;
import dev.assay.server.upstream.QuarantinedFile;
import dev.assay.server.upstream.UpstreamProject;
import dev.assay.server.upstream.config.Upstream;
import dev.assay.server.testing.TestDistributions;

/**
 * The wheelhouse's choice among what an upstream lists, on real wheel files: the upstream index and the file cache
 * are the two seams, answered here from a folder; the end-to-end run with a real upstream is in
 * {@code UpstreamDependenciesContract}.
 */
class UpstreamWheelsTest {

    private static final String UPSTREAM = "http://upstream.test/simple/";
    private static final MarkerEnvironment CP311_LINUX = MarkerEnvironment.cpython("3.11.2", "linux", "x86_64");
    private static final SupportedTags TAGS = SupportedTags.of(TargetPython.of(CP311_LINUX));

    @TempDir
    Path folder;

    private final Map<String, UpstreamProject> listed = new HashMap<>();
    private final Map<String, Path> kept = new HashMap<>();
    private final List<String> fetched = new ArrayList<>();

    private final UpstreamIndex index = name -> Optional.ofNullable(listed.get(name));
    private final MirroredFiles files = (project, file) -> {
        fetched.add(file.filename());
        return Optional.ofNullable(kept.get(file.filename()))
                .orElseThrow(() -> new BadGatewayException("upstream " + UPSTREAM + " answered 503 for "
                        + file.filename()));
    };
    private final UpstreamWheels wheels = new UpstreamWheels(index, files);

    @Test
    void picksTheNewestSatisfyingVersionWithAWheelForTheWorkersPythonAndFetchesOnlyThat() throws IOException {
        list("tinydep", file("tinydep", "3.0", "py3-none-any", Optional.of(">=3.12"), false),
                file("tinydep", "2.1", "py3-none-any", Optional.empty(), true),
                file("tinydep", "2.0", "cp312-cp312-manylinux_2_17_x86_64", Optional.empty(), false),
                file("tinydep", "2.0", "py3-none-any", Optional.empty(), false),
                file("tinydep", "1.0", "py3-none-any", Optional.empty(), false));

        UpstreamWheels.Choice choice = wheels.resolve(Requirement.parse("TinyDep>=1"), TAGS, CP311_LINUX);

        assertThat(choice.unresolved()).isEmpty();
        IndexWheelhouse.Picked picked = choice.picked().orElseThrow();
        assertThat(picked.staged()).isEqualTo(new IndexWheelhouse.Staged("TinyDep>=1", "tinydep", "2.0",
                "tinydep-2.0-py3-none-any.whl", UPSTREAM));
        assertThat(picked.stored()).isEqualTo(kept.get("tinydep-2.0-py3-none-any.whl"));
        assertThat(picked.sha256()).as("upstream gave no sha256: the kept file's")
                .isEqualTo(Sha256.hex(Files.readAllBytes(picked.stored())));
        assertThat(fetched).containsExactly("tinydep-2.0-py3-none-any.whl");
    }

    @Test
    void whatUpstreamCannotSatisfyIsUnresolvedSayingWhy() throws IOException {
        list("winonly", file("winonly", "1.0", "cp311-cp311-win_amd64", Optional.empty(), false));
        listed.put("hidden", new UpstreamProject(upstream(), "hidden", List.of(),
                List.of(hidden("hidden-1.0.tar.gz"), hidden("hidden-2.0.tar.gz")), Instant.now(), false));

        assertThat(wheels.resolve(Requirement.parse("winonly"), TAGS, CP311_LINUX).unresolved().orElseThrow())
                .isEqualTo(new IndexWheelhouse.Unresolved("winonly", "no-compatible-wheel", "has no wheel for "
                        + "CPython 3.11 on linux x86_64 on upstream " + UPSTREAM
                        + ": its wheels are winonly-1.0-cp311-cp311-win_amd64.whl"));
        assertThat(wheels.resolve(Requirement.parse("winonly>1"), TAGS, CP311_LINUX).unresolved().orElseThrow()
                .reason()).isEqualTo("cannot be satisfied by this index or by upstream " + UPSTREAM);
        assertThat(wheels.resolve(Requirement.parse("hidden"), TAGS, CP311_LINUX).unresolved().orElseThrow().reason())
                .isEqualTo("cannot be satisfied by this index or by upstream " + UPSTREAM
                        + " (2 of its files there are quarantined)");
        assertThat(wheels.resolve(Requirement.parse("nowhere"), TAGS, CP311_LINUX).unresolved().orElseThrow())
                .as("a name no upstream lists reads as today")
                .isEqualTo(new IndexWheelhouse.Unresolved("nowhere", "not-in-index", "cannot be satisfied by this index"));
        assertThat(fetched).isEmpty();
    }

    @Test
    void anUnreachableUpstreamLeavesTheRequirementUnresolvedInsteadOfFailing() throws IOException {
        UpstreamIndex down = name -> {
            throw new BadGatewayException("upstream " + UPSTREAM + " timed out after 10 s");
        };
        assertThat(new UpstreamWheels(down, files).resolve(Requirement.parse("six"), TAGS, CP311_LINUX).unresolved())
                .contains(new IndexWheelhouse.Unresolved("six", "upstream-failed", "cannot be looked up upstream, "
                        + "and no copy is cached: upstream " + UPSTREAM + " timed out after 10 s"));

        list("flaky", file("flaky", "1.0", "py3-none-any", Optional.empty(), false));
        kept.clear();
        assertThat(wheels.resolve(Requirement.parse("flaky"), TAGS, CP311_LINUX).unresolved().orElseThrow().reason())
                .isEqualTo("resolves to flaky-1.0-py3-none-any.whl upstream, which cannot be fetched: upstream "
                        + UPSTREAM + " answered 503 for flaky-1.0-py3-none-any.whl");
    }

    @Test
    void theWorkerAPIMayServeOnlyListedUnyankedWheels() throws IOException {
        list("tinydep", file("tinydep", "2.0", "py3-none-any", Optional.empty(), false),
                file("tinydep", "1.0", "py3-none-any", Optional.empty(), true));

        assertThat(wheels.listing("tinydep-2.0-py3-none-any.whl")).map(UpstreamProject::normalizedName)
                .contains("tinydep");
        assertThat(wheels.listing("tinydep-1.0-py3-none-any.whl")).as("yanked").isEmpty();
        assertThat(wheels.listing("tinydep-3.0-py3-none-any.whl")).as("not listed").isEmpty();
        assertThat(wheels.listing("tinydep-2.0.tar.gz")).as("not a wheel").isEmpty();
        assertThat(wheels.listing("../etc/passwd")).isEmpty();
        assertThat(fetched).isEmpty();
    }

    private void list(String project, UpstreamFile... listedFiles) {
        listed.put(project, new UpstreamProject(upstream(), project, List.of(listedFiles), List.of(), Instant.now(),
                false));
    }

    // A real wheel, kept as the file cache would keep it; upstream lists it without hashes, as some PEP 503 pages do.
    private UpstreamFile file(String project, String version, String tag, Optional<String> requiresPython,
            boolean yanked) throws IOException {
        Path wheel = TestDistributions.wheel(folder, new TestDistributions.Spec(project, version, List.of(), ""), tag);
        String filename = wheel.getFileName().toString();
        kept.put(filename, wheel);
        return new UpstreamFile(filename, URI.create(UPSTREAM + "../files/" + filename), Map.of(), requiresPython,
                yanked, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Upstream upstream() {
        return new Upstream(1, UPSTREAM, Optional.empty(), Optional.empty(), 1, 0, false, true, Instant.now(), false);
    }

    private static QuarantinedFile hidden(String filename) {
        return new QuarantinedFile(filename, Optional.empty(), Optional.empty());
    }
}
