package dev.assay.server.pipeline.sourcematch;

import static dev.assay.server.pipeline.sourcematch.SourceJson.differences;
import static dev.assay.server.pipeline.sourcematch.SourceJson.file;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.ReleaseRepository;
import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.review.packagereview.PackageReviewService;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.WebSession;

/**
 * The sandboxed pipeline rebuilds a tagged release from its tag and the source match compares with the rebuild, per
 * database: an honest sdist and wheel have the same contents as the rebuild; an sdist whose backend-written
 * {@code setup.cfg} was edited after the build — which the tree alone accepts — differs from it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SourceRebuildContract extends PipelineFixture {

    static final String PROJECT = "rebuild-demo";

    @Override
    protected Map<String, Object> pipelineSettings() {
        return sandboxedSettings();
    }

    @BeforeAll
    void publish() throws IOException {
        Clone clone = clonedNewProject(PROJECT);
        Path work = Files.createDirectories(data.resolve("builds"));
        PythonDistributions.Built honest = PythonDistributions.build(work, PythonDistributions.Spec.of(PROJECT, "1.0"));
        TaggedSources.commit(clone.git(), clone.work(), honest.sdist().getParent().getParent(), Set.of(), "1.0",
                "v1.0");
        PythonDistributions.Built edited = PythonDistributions.build(work, PythonDistributions.Spec.of(PROJECT, "1.1"));
        TaggedSources.commit(clone.git(), clone.work(), edited.sdist().getParent().getParent(), Set.of(), "1.1",
                "v1.1");
        PythonDistributions.Built released = PythonDistributions.build(work,
                PythonDistributions.Spec.of(PROJECT, "1.2"));
        TaggedSources.commit(clone.git(), clone.work(), released.sdist().getParent().getParent(), Set.of(), "1.2",
                "v1.2");
        PythonDistributions.Built wheelOnly = PythonDistributions.build(work,
                PythonDistributions.Spec.of(PROJECT, "1.3"));
        TaggedSources.commit(clone.git(), clone.work(), wheelOnly.sdist().getParent().getParent(), Set.of(), "1.3",
                "v1.3");
        clone.git().run(clone.work(), "push", "-q", clone.pushUrl(), "HEAD:main", "--tags").succeeded();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, honest.wheel(), honest.sdist()).assertSucceeded();
        // setup.cfg gains an option after the build
        Path tampered = ArchiveEdits.withEditedFile(edited.sdist(), work.resolve("tampered"), "/setup.cfg",
                text -> text + "\n[options]\nscripts = post_install.sh\n");
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, tampered).assertSucceeded();
        PythonDistributions.Built reproducible = builtAsTheRebuild(clone, "v1.2", work.resolve("reproducible"));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, reproducible.wheel(), reproducible.sdist())
                .assertSucceeded();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD,
                builtAsTheRebuild(clone, "v1.3", work.resolve("reproducible-wheel")).wheel()).assertSucceeded();
    }

    /**
     * The sdist and wheel built from a fresh clone of {@code tag} as the rebuild builds them: the same backend (the
     * worker's Python, {@code --no-isolation}) with {@code SOURCE_DATE_EPOCH} set to the tagged commit's time.
     */
    private static PythonDistributions.Built builtAsTheRebuild(Clone clone, String tag, Path directory)
            throws IOException {
        Path tree = directory.resolve("tree");
        clone.git().run(clone.work(), "clone", "-q", "--branch", tag, clone.work().toString(), tree.toString())
                .succeeded();
        String epoch = clone.git().run(tree, "log", "-1", "--format=%ct").succeeded().output().strip();
        PythonTools.run(tree, Map.of("SOURCE_DATE_EPOCH", epoch), List.of(PythonTools.SYSTEM_PYTHON, "-m", "build",
                "--no-isolation", "--sdist", "--wheel", "--outdir", directory.resolve("dist").toString(), "."))
                .assertSucceeded();
        try (Stream<Path> built = Files.list(directory.resolve("dist"))) {
            List<Path> files = built.sorted().toList();
            return new PythonDistributions.Built(files.get(1), files.get(0));
        }
    }

    /** A page as the owner sees it, logged in. */
    private Document ownersPage(String path) {
        WebSession olive = new WebSession(server.url());
        olive.logIn("olive", PASSWORD);
        return olive.page(path);
    }

    private JsonNode rebuilt(String version) {
        return eventually("the source match of " + version + " with its rebuild", Duration.ofMinutes(5),
                () -> owner.json("api/v1/projects/" + PROJECT + "/" + version + "/source"),
                source -> source.get("files").size() > 0 && allRebuilt(source));
    }

    private static boolean allRebuilt(JsonNode source) {
        for (JsonNode file : source.get("files")) {
            if (file.get("rebuild").asString().startsWith("not rebuilt yet")) {
                return false;
            }
        }
        return true;
    }

    @Test
    void anHonestSdistAndWheelHaveTheRebuildsContents() {
        JsonNode source = rebuilt("1.0");

        JsonNode sdist = file(source, ".tar.gz");
        JsonNode wheel = file(source, ".whl");
        assertThat(sdist.get("rebuild").asString()).as(source.toString()).isIn("same contents", "byte-identical");
        assertThat(wheel.get("rebuild").asString()).as(source.toString()).isIn("same contents", "byte-identical");
        assertThat(differences(sdist)).isEmpty();
        assertThat(differences(wheel)).isEmpty();
        assertThat(source.get("verdict").asString()).isIn("matches the source", "reproduced");
    }

    @Test
    void aWheelBuiltWithTheCommitsTimeIsReproducedAndItsSdistHasTheRebuildsContents() {
        JsonNode source = rebuilt("1.2");

        JsonNode wheel = file(source, ".whl");
        assertThat(wheel.get("rebuild").asString()).as(source.toString()).isEqualTo("byte-identical");
        assertThat(wheel.get("verdict").asString()).isEqualTo("reproduced");
        // setuptools writes the build's clock into the sdist (tar entries, gzip header) whatever SOURCE_DATE_EPOCH says
        JsonNode sdist = file(source, ".tar.gz");
        assertThat(sdist.get("rebuild").asString()).as(source.toString()).isEqualTo("same contents");
        assertThat(sdist.get("verdict").asString()).isEqualTo("matches the source");
        assertThat(source.get("verdict").asString()).isEqualTo("matches the source");
        Document page = ownersPage("project/" + PROJECT + "/1.2/");
        assertThat(page.select("#source-match tr[data-filename$=.whl] .file-verdict").text()).isEqualTo("reproduced");
        assertThat(page.select("#source-match tr[data-filename$=.whl] .file-rebuild").text())
                .isEqualTo("byte-identical");
        assertThat(page.select("#source-verdict").text()).isEqualTo("matches the source");
    }

    @Test
    void aReleaseOfAWheelBuiltWithTheCommitsTimeIsReproduced() {
        JsonNode source = rebuilt("1.3");

        assertThat(file(source, ".whl").get("rebuild").asString()).as(source.toString()).isEqualTo("byte-identical");
        assertThat(source.get("verdict").asString()).isEqualTo("reproduced");
        Document page = ownersPage("project/" + PROJECT + "/1.3/");
        assertThat(page.select("#source-match #source-verdict").text()).isEqualTo("reproduced");
    }

    @Test
    void theReviewPageOfTheProjectHeldForReviewShowsTheSourceMatch() {
        rebuilt("1.3");
        Project project = server.bean(ProjectService.class).project(PROJECT);
        long release = server.bean(ReleaseRepository.class).find(project.id(), "1.3").orElseThrow().id();
        server.bean(PackageReviewService.class).holdRelease(project, release, "1.3",
                server.bean(AccountService.class).user("olive").id(), "held to be reviewed");
        long number = 0;
        for (JsonNode review : owner.json("api/v1/reviews").get("reviews")) {
            if (review.get("project").asString().equals(PROJECT)) {
                number = review.get("number").asLong();
            }
        }
        assertThat(number).as("the held project's package review").isPositive();

        Document page = ownersPage("reviews/" + number);
        assertThat(page.select("#source-match h2").text()).isEqualTo("Built from its source?");
        assertThat(page.select("#source-match #source-verdict").text()).isEqualTo("reproduced");
    }

    @Test
    void anSdistWhoseBackendFileWasEditedDiffersFromTheRebuild() {
        JsonNode source = rebuilt("1.1");

        JsonNode sdist = file(source, ".tar.gz");
        assertThat(sdist.get("rebuild").asString()).as(source.toString()).isEqualTo("other contents");
        assertThat(differences(sdist)).containsExactly("setup.cfg: differs from the rebuild from the tagged commit");
        assertThat(source.get("verdict").asString()).isEqualTo("differs");
    }
}
