package dev.assay.server.pipeline.sourcematch;

import static dev.assay.server.pipeline.sourcematch.SourceJson.differences;
import static dev.assay.server.pipeline.sourcematch.SourceJson.file;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;

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
        clone.git().run(clone.work(), "push", "-q", clone.pushUrl(), "HEAD:main", "--tags").succeeded();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, honest.wheel(), honest.sdist()).assertSucceeded();
        Path tampered = withEditedSetupCfg(edited.sdist(), work.resolve("tampered"));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, tampered).assertSucceeded();
    }

    /** A copy of the sdist whose {@code setup.cfg} gained an option after the build. */
    private static Path withEditedSetupCfg(Path sdist, Path directory) throws IOException {
        Path copy = Files.createDirectories(directory).resolve(sdist.getFileName());
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(sdist)));
                TarArchiveOutputStream out = new TarArchiveOutputStream(new GZIPOutputStream(
                        Files.newOutputStream(copy)))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().endsWith("/setup.cfg")) {
                    content = (new String(content, StandardCharsets.UTF_8)
                            + "\n[options]\nscripts = post_install.sh\n").getBytes(StandardCharsets.UTF_8);
                }
                entry.setSize(content.length);
                out.putArchiveEntry(entry);
                out.write(content);
                out.closeArchiveEntry();
            }
        }
        return copy;
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
    void anSdistWhoseBackendFileWasEditedDiffersFromTheRebuild() {
        JsonNode source = rebuilt("1.1");

        JsonNode sdist = file(source, ".tar.gz");
        assertThat(sdist.get("rebuild").asString()).as(source.toString()).isEqualTo("other contents");
        assertThat(differences(sdist)).containsExactly("setup.cfg: differs from the rebuild from the tagged commit");
        assertThat(source.get("verdict").asString()).isEqualTo("differs");
    }
}
