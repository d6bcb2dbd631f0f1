package dev.assay.server.pipeline.sourcematch;

import static dev.assay.server.pipeline.sourcematch.SourceJson.differences;
import static dev.assay.server.pipeline.sourcematch.SourceJson.file;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.UploadRequest;
import dev.assay.server.testing.WebSession;

/**
 * A release names the commit it was built from, per database: an upload's {@code source_commit} field wins over the
 * version's tag and the sandboxed pipeline rebuilds from it; a maintainer names the commit of a release afterwards
 * and its pipelines rebuild from that one; malformed, unknown and conflicting commits are refused with a message. A
 * file the build backend writes (a {@code _version.py}, as setuptools-scm's) is compared with the rebuild's, not
 * listed as missing from the tree. A match made once the rebuild's result is in is stored and read again until the
 * release's commit changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NamedCommitContract extends PipelineFixture {

    static final String PROJECT = "named-demo";
    static final String MISSING = "0123456789abcdef0123456789abcdef01234567";

    String honest;
    String later;
    String stored;
    PythonDistributions.Built wheelOnly;

    @Override
    protected Map<String, Object> pipelineSettings() {
        return sandboxedSettings();
    }

    @BeforeAll
    void publish() throws IOException, InterruptedException {
        Clone clone = clonedNewProject(PROJECT);
        HttpResponse<String> role = owner.put("api/v1/projects/" + PROJECT + "/roles/max",
                "{\"role\":\"maintainer\"}");
        assertThat(role.statusCode()).as(role.body()).isEqualTo(200);
        PythonDistributions.Built first = PythonDistributions.build(Files.createDirectories(data.resolve("b10")),
                spec("1.0"));
        TaggedSources.commit(clone.git(), clone.work(), first.sdist().getParent().getParent(), Set.of(), "1.0", null);
        honest = clone.git().head(clone.work(), "HEAD");
        // the tag lands on a later commit whose module the uploaded 1.0 does not hold: the named commit must win
        clone.git().commit(clone.work(), "named_demo/core.py", "def greet():\n    return 'changed'\n", "Change");
        clone.git().run(clone.work(), "tag", "-a", "v1.0", "-m", "Version 1.0").succeeded();
        PythonDistributions.Built second = PythonDistributions.build(Files.createDirectories(data.resolve("b11")),
                spec("1.1"));
        TaggedSources.commit(clone.git(), clone.work(), second.sdist().getParent().getParent(), Set.of(), "1.1",
                null);
        later = clone.git().head(clone.work(), "HEAD");
        PythonDistributions.Built sixth = PythonDistributions.build(Files.createDirectories(data.resolve("b16")),
                spec("1.6"));
        TaggedSources.commit(clone.git(), clone.work(), sixth.sdist().getParent().getParent(), Set.of(), "1.6",
                null);
        stored = clone.git().head(clone.work(), "HEAD");
        PythonDistributions.Built generating = writingItsVersion(clone, "1.4");
        Path tampered = ArchiveEdits.withEditedFile(writingItsVersion(clone, "1.5").sdist(), data.resolve("t15"),
                "/_version.py", text -> "version = '9.9'\n");
        clone.git().run(clone.work(), "push", "-q", clone.pushUrl(), "HEAD:main", "--tags").succeeded();
        wheelOnly = PythonDistributions.build(Files.createDirectories(data.resolve("b12")), spec("1.2"));

        assertUploaded(UploadRequest.of(first.sdist(), PROJECT, "1.0").field("source_commit", honest.toUpperCase()));
        assertUploaded(UploadRequest.of(second.sdist(), PROJECT, "1.1"));
        assertUploaded(UploadRequest.of(generating.sdist(), PROJECT, "1.4"));
        assertUploaded(UploadRequest.of(generating.wheel(), PROJECT, "1.4"));
        assertUploaded(UploadRequest.of(tampered, PROJECT, "1.5"));
        assertUploaded(UploadRequest.of(sixth.sdist(), PROJECT, "1.6").field("source_commit", stored));
    }

    /**
     * Builds {@code version} with a {@code setup.py} that writes {@code named_demo/_version.py}, as setuptools-scm's
     * {@code write_to} does, and commits its sources without that file, tagged {@code v<version>}.
     */
    private PythonDistributions.Built writingItsVersion(Clone clone, String version) throws IOException {
        PythonDistributions.Built built = PythonDistributions.build(Files.createDirectories(data.resolve("g"
                + version)), spec(version).withFiles(Map.of("named_demo/core.py", "def greet():\n    return 'hi'\n",
                "setup.py", """
                        from setuptools import setup

                        with open("named_demo/_version.py", "w") as out:
                            out.write("version = '%s'\\n")

                        setup()
                        """.formatted(version))));
        TaggedSources.commit(clone.git(), clone.work(), built.sdist().getParent().getParent(),
                Set.of("named_demo/_version.py"), version, "v" + version);
        return built;
    }

    private static PythonDistributions.Spec spec(String version) {
        return PythonDistributions.Spec.of(PROJECT, version).withFiles(Map.of("named_demo/core.py",
                "def greet():\n    return 'hello'\n\nVERSION = '" + version + "'\n"));
    }

    private HttpResponse<String> upload(UploadRequest request) {
        try {
            return request.send(server.url(), "olive", PASSWORD);
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(failed);
        }
    }

    private void assertUploaded(UploadRequest request) {
        HttpResponse<String> sent = upload(request);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    }

    private JsonNode rebuilt(String version) {
        return eventually("the source match of " + version + " with its rebuild", Duration.ofMinutes(5),
                () -> owner.json("api/v1/projects/" + PROJECT + "/" + version + "/source"),
                source -> source.get("files").size() > 0 && !file(source, ".tar.gz").get("rebuild").asString()
                        .startsWith("not rebuilt yet"));
    }

    private HttpResponse<String> name(HttpApi client, String version, String commit) {
        return client.put("api/v1/projects/" + PROJECT + "/" + version + "/source", "{\"commit\":\"" + commit + "\"}");
    }

    @Test
    void theCommitTheUploadNamesWinsOverTheTagAndIsRebuilt() {
        JsonNode source = rebuilt("1.0");

        assertThat(source.get("commit").asString()).isEqualTo(honest);
        assertThat(source.get("tag").isNull()).as(source.toString()).isTrue();
        assertThat(source.get("namedBy").asString()).isEqualTo("upload");
        assertThat(source.get("source").asString()).isEqualTo("commit " + honest.substring(0, 7)
                + " named by the upload");
        JsonNode sdist = file(source, ".tar.gz");
        assertThat(differences(sdist)).as(source.toString()).isEmpty();
        assertThat(sdist.get("rebuild").asString()).as(source.toString()).isIn("same contents", "byte-identical");
        assertThat(source.get("verdict").asString()).isEqualTo("matches the source");
        WebSession olive = new WebSession(server.url());
        olive.logIn("olive", PASSWORD);
        Document page = olive.page("project/" + PROJECT + "/1.0/");
        assertThat(page.select("#source-match #source-origin").text())
                .isEqualTo("commit " + honest.substring(0, 7) + " named by the upload");
        assertThat(page.select("#source-match #source-commit").text()).isEqualTo(honest);
    }

    @Test
    void aMaintainerNamesTheCommitAfterwardsAndThePipelinesRebuildFromIt() {
        assertThat(owner.json("api/v1/projects/" + PROJECT + "/1.1/source").get("verdict").asString())
                .isEqualTo("no source");
        assertThat(name(HttpApi.anonymous(server.url()), "1.1", later).statusCode()).isEqualTo(401);
        HttpResponse<String> strangers = name(stranger, "1.1", later);
        assertThat(strangers.statusCode()).isEqualTo(403);
        assertThat(strangers.body()).contains("is not an owner or maintainer");
        HttpResponse<String> malformed = name(maintainer, "1.1", "HEAD");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("'HEAD' is not a commit id");
        HttpResponse<String> unknown = name(maintainer, "1.1", MISSING);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Commit " + MISSING + " is not in the repository of project");
        assertThat(maintainer.put("api/v1/projects/" + PROJECT + "/1.1/source", "{}").statusCode()).isEqualTo(400);
        assertThat(name(maintainer, "9.9", later).statusCode()).isEqualTo(404);

        HttpResponse<String> named = name(maintainer, "1.1", later);

        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        JsonNode answer = HttpApi.parse(named.body());
        assertThat(answer.get("namedBy").asString()).isEqualTo("maintainer");
        assertThat(answer.get("source").asString()).isEqualTo("commit " + later.substring(0, 7)
                + " named by maintainer max");
        assertThat(answer.get("pipelines").size()).isEqualTo(1);
        JsonNode source = rebuilt("1.1");
        assertThat(source.get("commit").asString()).isEqualTo(later);
        assertThat(file(source, ".tar.gz").get("rebuild").asString()).as(source.toString())
                .isIn("same contents", "byte-identical");
        assertThat(source.get("verdict").asString()).isEqualTo("matches the source");
    }

    @Test
    void aFileTheBackendWroteIsComparedWithTheRebuildNotWithTheTree() {
        JsonNode source = rebuilt("1.4");

        assertThat(source.get("source").asString()).isEqualTo("tag v1.4");
        assertThat(source.get("namedBy").asString()).isEqualTo("tag");
        JsonNode sdist = file(source, ".tar.gz");
        assertThat(differences(sdist)).as(source.toString()).isEmpty();
        assertThat(sdist.get("generated").toString()).contains("named_demo/_version.py");
        assertThat(sdist.get("rebuild").asString()).isEqualTo("same contents");
        JsonNode wheel = eventually("the rebuilt wheel of 1.4", Duration.ofMinutes(2),
                () -> file(owner.json("api/v1/projects/" + PROJECT + "/1.4/source"), ".whl"),
                found -> !found.get("rebuild").asString().startsWith("not rebuilt yet"));
        assertThat(differences(wheel)).as(wheel.toString()).isEmpty();
        assertThat(wheel.get("generated").toString()).contains("named_demo/_version.py");
        assertThat(owner.json("api/v1/projects/" + PROJECT + "/1.4/source").get("verdict").asString())
                .isEqualTo("matches the source");
    }

    @Test
    void aFileTheBackendWritesWithOtherContentsDiffersFromTheRebuild() {
        JsonNode source = rebuilt("1.5");

        JsonNode sdist = file(source, ".tar.gz");
        assertThat(differences(sdist)).as(source.toString())
                .containsExactly("named_demo/_version.py: differs from the rebuild from the tagged commit");
        assertThat(sdist.get("rebuild").asString()).isEqualTo("other contents");
        assertThat(source.get("verdict").asString()).isEqualTo("differs");
    }

    @Test
    void aSettledMatchIsStoredAndMadeAgainWhenTheReleasesCommitChanges() {
        rebuilt("1.6");
        String release = "(SELECT r.id FROM releases r JOIN projects p ON p.id = r.project_id "
                + "WHERE p.normalized_name = '" + PROJECT + "' AND r.version = '1.6')";
        // stored by a view once the pipeline has finished
        eventually("the stored match of 1.6", Duration.ofMinutes(2), () -> {
            owner.json("api/v1/projects/" + PROJECT + "/1.6/source");
            return number("SELECT COUNT(*) FROM release_source_verdicts WHERE release_id = " + release);
        }, count -> count == 1);
        assertThat(number("SELECT COUNT(*) FROM release_source_verdicts WHERE verdict = 'matches the source' "
                + "AND release_id = " + release)).isOne();
        // a view reads the stored match: edited in the database, the view shows the edit
        update("UPDATE release_source_verdicts SET match_json = REPLACE(match_json, 'same contents', "
                + "'stored contents') WHERE release_id = " + release);
        JsonNode read = owner.json("api/v1/projects/" + PROJECT + "/1.6/source");
        assertThat(file(read, ".tar.gz").get("rebuild").asString()).isEqualTo("stored contents");
        assertThat(read.get("source").asString()).isEqualTo("commit " + stored.substring(0, 7)
                + " named by the upload");

        HttpResponse<String> named = name(owner, "1.6", honest);

        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        JsonNode again = owner.json("api/v1/projects/" + PROJECT + "/1.6/source");
        assertThat(again.get("commit").asString()).isEqualTo(honest);
        JsonNode rebuiltAgain = rebuilt("1.6");
        assertThat(file(rebuiltAgain, ".tar.gz").get("rebuild").asString()).isNotEqualTo("stored contents");
    }

    @Test
    void aMalformedCommitOnUploadIsRefusedAndNothingIsStored() throws IOException {
        HttpResponse<String> refused = upload(UploadRequest.of(wheelOnly.wheel(), PROJECT, "1.2")
                .field("source_commit", "v1.2"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Invalid form field 'source_commit': 'v1.2' is not a commit id");
        assertThat(owner.get("api/v1/projects/" + PROJECT + "/1.2/source").statusCode()).isEqualTo(404);
    }

    @Test
    void aCommitTheRepositoryDoesNotHoldIsNoSourceAndAnotherCommitForTheSameReleaseConflicts() throws IOException {
        PythonDistributions.Built built = PythonDistributions.build(Files.createDirectories(data.resolve("b13")),
                spec("1.3"));
        assertUploaded(UploadRequest.of(built.wheel(), PROJECT, "1.3").field("source_commit", MISSING));

        JsonNode source = owner.json("api/v1/projects/" + PROJECT + "/1.3/source");
        assertThat(source.get("verdict").asString()).isEqualTo("no source");
        assertThat(source.get("source").asString()).isEqualTo("commit 0123456 named by the upload, which the "
                + "project's repository does not hold");
        HttpResponse<String> conflicting = upload(UploadRequest.of(built.sdist(), PROJECT, "1.3")
                .field("source_commit", honest));
        assertThat(conflicting.statusCode()).isEqualTo(409);
        assertThat(conflicting.body()).contains("was named commit " + MISSING + " already");
        HttpResponse<String> stored = owner.get("pypi/" + PROJECT + "/1.3/json");
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).contains(".whl").doesNotContain(".tar.gz");
    }
}
