package dev.assay.server.review.releasegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.SandboxedFixture;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonDistributions.Spec;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * The release gate with real packages and the real sandboxed pipeline: under {@code checks-and-dependents} a library
 * release that newly breaks its dependent's test stays held naming the dependent, one that breaks nobody leaves
 * review automatically and installs with pip; under {@code checks} a release whose tests fail stays held.
 */
abstract class ReleaseGateContract extends SandboxedFixture {

    private static final Duration RUNS = Duration.ofMinutes(8);

    @Override
    protected Map<String, Object> pipelineSettings() {
        return sandboxedSettings();
    }

    @Test
    void aReleaseThatNewlyBreaksADependentStaysHeldAndOneThatBreaksNobodyLeavesReview() throws Exception {
        String library = "gate-lib-" + databaseKind();
        String app = "gate-app-" + databaseKind();
        Path work = Files.createTempDirectory(data, "build");
        Spec one = Spec.of(library, "1.0");
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, PythonDistributions.build(work, one).wheel())
                .assertSucceeded();
        Path appOne = PythonDistributions.dependentSdist(work, app, library, "from " + one.module()
                + " import VERSION\n\n\ndef test_not_two_oh():\n    assert VERSION != '2.0'\n");
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, appOne).assertSucceeded();
        JsonNode before = finished(app, "1.0", appOne.getFileName().toString(), RUNS);
        assertThat(tasks(before).get("test").get("outcome").asString()).as(before::toString).isEqualTo("passed");
        HttpResponse<String> gate = owner.put("api/v1/projects/" + library + "/release-gate",
                "{\"mode\":\"checks-and-dependents\"}");
        assertThat(gate.statusCode()).as(gate.body()).isEqualTo(200);

        Path twoOh = PythonDistributions.build(work, Spec.of(library, "2.0")).wheel();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, twoOh).assertSucceeded();
        HttpApi anonymous = HttpApi.anonymous(server.url());
        JsonNode waiting = anonymous.json("api/v1/projects/" + library + "/2.0/hold");
        assertThat(waiting.get("held").asBoolean()).as(waiting::toString).isTrue();
        assertThat(waiting.get("gate").asString()).isEqualTo("checks-and-dependents");
        assertThat(anonymous.get("simple/" + library + "/").body()).doesNotContain(twoOh.getFileName().toString());
        JsonNode broken = eventually("2.0 found breaking " + app, RUNS,
                () -> anonymous.json("api/v1/projects/" + library + "/2.0/hold"),
                hold -> hold.get("reasons").toString().contains("newly breaks"));
        assertThat(broken.get("held").asBoolean()).isTrue();
        assertThat(broken.get("reasons").get(0).asString()).startsWith("newly breaks " + app + " 1.0's tests (pipeline #");
        assertThat(new WebSession(server.url()).page("project/" + library + "/2.0/").select("#release-held").text())
                .contains("newly breaks " + app + " 1.0's tests");
        long review = reviewOf(library);
        Document reviewPage = new WebSession(server.url()).page("reviews/" + review);
        assertThat(reviewPage.select("#downstream-summary").text()).as(reviewPage::toString)
                .contains("1 dependent: passed 0, newly failing 1");

        Path twoOne = PythonDistributions.build(work, Spec.of(library, "2.1")).wheel();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, twoOne).assertSucceeded();
        JsonNode left = eventually("2.1 left review", RUNS,
                () -> anonymous.json("api/v1/projects/" + library + "/2.1/hold"), hold -> !hold.get("held").asBoolean());
        JsonNode exit = left.get("holds").get(0);
        assertThat(exit.get("releasedBy").isNull()).as(left::toString).isTrue();
        assertThat(exit.get("kind").asString()).isEqualTo("gate");
        assertThat(exit.get("decision").asString()).isEqualTo("1 pipeline passed, 1 dependent re-tested, none newly failing");
        assertThat(new WebSession(server.url()).page("project/" + library + "/2.1/").select("#release-left-review")
                .text()).isEqualTo("Left review automatically: 1 pipeline passed, 1 dependent re-tested, none newly "
                        + "failing");
        Path python = PythonTools.newVirtualEnvironment(Files.createTempDirectory(data, "venv"));
        PythonTools.pipInstall(python, server.url() + "simple/", library).assertSucceeded();
        String code = "import importlib.metadata as m; print(m.version('" + library + "'))";
        assertThat(PythonTools.run(work, Map.of(), List.of(python.toString(), "-c", code)).assertSucceeded().output()
                .strip()).isEqualTo("2.1");
        assertThat(anonymous.json("api/v1/projects/" + library + "/2.0/hold").get("held").asBoolean()).isTrue();
    }

    @Test
    void underChecksAReleaseWhoseTestsFailStaysHeldAndItsReviewSaysWhy() throws Exception {
        String project = "gate-fails-" + databaseKind();
        HttpResponse<String> created = owner.post("api/v1/projects", "{\"name\":\"" + project + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> gate = owner.put("api/v1/projects/" + project + "/release-gate", "{\"mode\":\"checks\"}");
        assertThat(gate.statusCode()).as(gate.body()).isEqualTo(200);
        Spec spec = Spec.of(project, "1.0");
        Path sdist = PythonDistributions.build(Files.createTempDirectory(data, "build"), spec.withFiles(Map.of(
                spec.module() + "/__init__.py", "VERSION = '1.0'\n",
                "tests/test_it.py", "def test_fails():\n    assert False\n"))).sdist();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, sdist).assertSucceeded();
        JsonNode pipeline = finished(project, "1.0", sdist.getFileName().toString(), RUNS);
        assertThat(pipeline.get("status").asString()).as(pipeline::toString).isEqualTo("failed");
        JsonNode hold = owner.json("api/v1/projects/" + project + "/1.0/hold");
        assertThat(hold.get("held").asBoolean()).as(hold::toString).isTrue();
        assertThat(hold.get("reasons").get(0).asString()).isEqualTo("pipeline #" + pipeline.get("id").asLong()
                + " failed");
        HttpApi anonymous = HttpApi.anonymous(server.url());
        assertThat(anonymous.get("simple/" + project + "/").body()).doesNotContain(sdist.getFileName().toString());
        HttpResponse<String> file = anonymous.get("files/" + project + "/" + sdist.getFileName());
        assertThat(file.statusCode()).isEqualTo(404);
        assertThat(file.body()).contains("version 1.0 of " + project + " is held for review");
        assertThat(anonymous.get("pypi/" + project + "/json").statusCode()).isEqualTo(404);
        assertThat(owner.json("api/v1/reviews?mine=true").toString()).contains(project);
    }

    @Test
    void underChecksAReleaseLeavesReviewWhenItsChecksPassAndAFileAddedLaterHoldsItAgain() throws Exception {
        String project = "gate-passes-" + databaseKind();
        HttpResponse<String> created = owner.post("api/v1/projects", "{\"name\":\"" + project + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(owner.put("api/v1/projects/" + project + "/release-gate", "{\"mode\":\"checks\"}").statusCode())
                .isEqualTo(200);
        PythonDistributions.Built built = PythonDistributions.build(Files.createTempDirectory(data, "build"),
                Spec.of(project, "1.0"));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, built.wheel()).assertSucceeded();
        HttpApi anonymous = HttpApi.anonymous(server.url());
        String hold = "api/v1/projects/" + project + "/1.0/hold";
        JsonNode left = eventually("1.0 left review", RUNS, () -> anonymous.json(hold),
                json -> !json.get("held").asBoolean());
        assertThat(left.get("holds").get(0).get("decision").asString()).isEqualTo("1 pipeline passed");
        assertThat(anonymous.get("simple/" + project + "/").body()).contains(built.wheel().getFileName().toString());

        PythonTools.twineUpload(server.url(), "olive", PASSWORD, built.sdist()).assertSucceeded();
        JsonNode again = anonymous.json(hold);
        assertThat(again.get("held").asBoolean()).as(again::toString).isTrue();
        assertThat(again.get("reasons").get(0).asString())
                .isEqualTo("waiting for the checks of " + built.sdist().getFileName());
        assertThat(anonymous.get("simple/" + project + "/").body())
                .doesNotContain(built.wheel().getFileName().toString());
        JsonNode leftAgain = eventually("1.0 left review again", RUNS, () -> anonymous.json(hold),
                json -> !json.get("held").asBoolean());
        assertThat(leftAgain.get("holds").size()).isEqualTo(2);
        assertThat(leftAgain.get("holds").get(0).get("decision").asString()).isEqualTo("2 pipelines passed");
    }

    @Test
    void theGateIsChangedByThoseWhoManageReleasesAndBadInputIsRefused() throws Exception {
        String project = uploadedProject();
        HttpApi anonymous = HttpApi.anonymous(server.url());
        JsonNode shown = anonymous.json("api/v1/projects/" + project + "/release-gate");
        assertThat(shown.get("mode").asString()).isEqualTo("off");
        assertThat(shown.get("default").asString()).isEqualTo("off");
        HttpResponse<String> bad = owner.put("api/v1/projects/" + project + "/release-gate", "{\"mode\":\"sometimes\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("'sometimes' is not a release gate: use off, checks or checks-and-dependents");
        assertThat(owner.put("api/v1/projects/" + project + "/release-gate", "{}").statusCode()).isEqualTo(400);
        assertThat(stranger.put("api/v1/projects/" + project + "/release-gate", "{\"mode\":\"checks\"}")
                .statusCode()).isEqualTo(403);
        assertThat(anonymous.put("api/v1/projects/" + project + "/release-gate", "{\"mode\":\"checks\"}")
                .statusCode()).isEqualTo(401);
        assertThat(maintainer.put("api/v1/projects/" + project + "/release-gate", "{\"mode\":\"checks\"}")
                .statusCode()).isEqualTo(200);

        WebSession browser = new WebSession(server.url());
        browser.logIn("olive", PASSWORD);
        HttpResponse<String> saved = browser.submit("project/" + project + "/settings/release-gate",
                "#change-release-gate", Map.of("mode", "checks-and-dependents"));
        assertThat(saved.statusCode()).isIn(200, 302, 303);
        assertThat(anonymous.json("api/v1/projects/" + project + "/release-gate").get("mode").asString())
                .isEqualTo("checks-and-dependents");
        assertThat(browser.post("project/" + project + "/settings/release-gate", Map.of("mode", "off"))
                .statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(anonymous.json("api/v1/projects/" + project + "/1.0/hold").get("held").asBoolean()).isFalse();
        assertThat(anonymous.get("api/v1/projects/" + project + "/9.9/hold").statusCode()).isEqualTo(404);

        makePrivate(project);
        assertThat(anonymous.get("api/v1/projects/" + project + "/1.0/hold").statusCode()).isEqualTo(401);
        assertThat(stranger.get("api/v1/projects/" + project + "/1.0/hold").statusCode()).isEqualTo(404);
        WebSession sam = new WebSession(server.url());
        sam.logIn("sam", PASSWORD);
        assertThat(sam.get("project/" + project + "/settings/release-gate").statusCode()).isEqualTo(404);
    }

    // the package review the gate opened for the project, from the owner's list of their reviews
    private long reviewOf(String project) throws Exception {
        for (JsonNode review : owner.json("api/v1/reviews?mine=true").get("reviews")) {
            if (review.toString().contains("\"" + project + "\"")) {
                return review.get("number").asLong();
            }
        }
        throw new AssertionError("no package review of " + project);
    }
}
