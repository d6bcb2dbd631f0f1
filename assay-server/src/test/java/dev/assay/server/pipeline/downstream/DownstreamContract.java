package dev.assay.server.pipeline.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
 * A library, an app whose test needs the library's 1.x and a private project depending on it too, tested by the
 * real sandboxed pipeline: the library's 2.0 re-tests both with 2.0 staged, newly breaks the app, and says so on
 * its page and in the API without naming the private dependent to those who may not read it.
 */
abstract class DownstreamContract extends SandboxedFixture {

    private static final Duration RUNS = Duration.ofMinutes(8);

    @Override
    protected Map<String, Object> pipelineSettings() {
        return sandboxedSettings();
    }

    @Test
    void aLibraryReleaseThatBreaksItsDependentsTestShowsItNewlyFailing() throws Exception {
        String library = "lib-" + databaseKind();
        String app = "app-" + databaseKind();
        String hidden = "hidden-user-" + databaseKind();
        Path work = Files.createTempDirectory(data, "build");
        Spec libraryOne = Spec.of(library, "1.0");
        PythonDistributions.Built one = PythonDistributions.build(work, libraryOne);
        Path appOne = PythonDistributions.dependentSdist(work, app, library, "from " + libraryOne.module()
                + " import VERSION\n\n\ndef test_needs_one():\n    assert VERSION.startswith('1.')\n");
        Path hiddenOne = PythonDistributions.dependentSdist(work, hidden, library, "import " + libraryOne.module()
                + "\n\n\ndef test_any():\n    assert True\n");
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, one.wheel()).assertSucceeded();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, appOne).assertSucceeded();
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, hiddenOne).assertSucceeded();
        makePrivate(hidden);
        JsonNode before = finished(app, "1.0", name(appOne), RUNS);
        assertThat(tasks(before).get("test").get("outcome").asString()).as(before::toString).isEqualTo("passed");
        finished(hidden, "1.0", name(hiddenOne), RUNS);

        PythonDistributions.Built two = PythonDistributions.build(work, Spec.of(library, "2.0"));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, two.wheel()).assertSucceeded();
        String api = "api/v1/projects/" + library + "/2.0/downstream";
        JsonNode report = eventually("the re-tests of " + library + " 2.0 ended", RUNS, () -> owner.json(api),
                json -> json.get("total").asInt() == 2 && json.get("pending").asInt() == 0);

        assertThat(report.get("passed").asInt()).as(report::toString).isEqualTo(1);
        assertThat(report.get("newlyFailing").asInt()).as(report::toString).isEqualTo(1);
        JsonNode broken = dependent(report, app);
        assertThat(broken.get("outcome").asString()).isEqualTo("newly failing");
        assertThat(broken.get("baselinePipelineId").asLong()).isEqualTo(before.get("id").asLong());
        JsonNode retest = owner.json("api/v1/pipelines/" + broken.get("pipelineId").asLong());
        assertThat(retest.get("trigger").asString()).isEqualTo("downstream");
        assertThat(tasks(retest).get("wheelhouse").get("findings").toString()).as(retest::toString)
                .contains(name(two.wheel()));
        assertThat(tasks(retest).get("test").get("outcome").asString()).as(retest::toString).isEqualTo("failed");
        assertReTestIsLabelled(app, library, before, broken.get("pipelineId").asLong());
        assertThat(dependent(report, hidden).get("outcome").asString()).isEqualTo("passed");
        assertThat(new WebSession(server.url()).page("project/" + app + "/").selectFirst("#project-badge")
                .attr("href")).as("the app's badge is its own pipeline's")
                .isEqualTo("/pipelines/" + before.get("id").asLong());

        JsonNode seenByStranger = stranger.json(api);
        assertThat(seenByStranger.get("total").asInt()).isEqualTo(2);
        assertThat(seenByStranger.toString()).doesNotContain(hidden);
        Document page = new WebSession(server.url()).page("project/" + library + "/2.0/");
        assertThat(page.selectFirst("#downstream-summary").text())
                .isEqualTo("2 dependents: passed 1, newly failing 1");
        assertThat(page.select("#downstream-dependents a").eachAttr("href"))
                .contains("/pipelines/" + broken.get("pipelineId").asLong());
        assertThat(page.select("#downstream").text()).contains(app + " 1.0", "newly failing")
                .contains("a project you may not read").doesNotContain(hidden);

        makePrivate(library);
        long retestId = broken.get("pipelineId").asLong();
        assertThat(new WebSession(server.url()).page("pipelines/" + retestId).select("#live .retest-of").text())
                .as("a library that became private is no longer named on its dependent's pages")
                .isEqualTo("re-test for a new release of a project you may not read");
        JsonNode unnamed = owner.json("api/v1/pipelines/" + retestId).get("retestOf");
        assertThat(unnamed.get("project").isNull()).as(unnamed::toString).isTrue();
    }

    // The dependent's pipeline lists say which library release a re-test is for, linking it; ordinary ones say nothing.
    private void assertReTestIsLabelled(String app, String library, JsonNode ordinary, long retestId) {
        JsonNode label = owner.json("api/v1/pipelines/" + retestId).get("retestOf");
        assertThat(label.get("project").asString()).isEqualTo(library);
        assertThat(label.get("version").asString()).isEqualTo("2.0");
        assertThat(ordinary.get("retestOf").isNull()).as(ordinary::toString).isTrue();
        Map<Long, JsonNode> listed = new HashMap<>();
        owner.json("api/v1/projects/" + app + "/releases/1.0/pipelines")
                .forEach(pipeline -> listed.put(pipeline.get("id").asLong(), pipeline));
        assertThat(listed.get(retestId).get("retestOf").get("version").asString()).isEqualTo("2.0");
        assertThat(listed.get(ordinary.get("id").asLong()).get("retestOf").isNull()).isTrue();

        WebSession anyone = new WebSession(server.url());
        String release = "/project/" + library + "/2.0/";
        Document pipelinePage = anyone.page("pipelines/" + retestId);
        assertThat(pipelinePage.select("#live .retest-of").text()).isEqualTo("re-test for " + library + " 2.0");
        assertThat(pipelinePage.select("#live .retest-of a").attr("href")).isEqualTo(release);
        assertThat(anyone.page("pipelines/" + ordinary.get("id").asLong()).select(".retest-of")).isEmpty();
        Document releasePage = anyone.page("project/" + app + "/1.0/");
        assertThat(releasePage.select("#pipelines tr[data-pipeline=" + retestId + "] .retest-of a").attr("href"))
                .isEqualTo(release);
        Document projectPipelines = anyone.page("project/" + app + "/pipelines");
        assertThat(projectPipelines.select("tr[data-pipeline=" + retestId + "] .pipeline-trigger").text())
                .isEqualTo("downstream: re-test for " + library + " 2.0");
        assertThat(projectPipelines.select("tr[data-pipeline=" + ordinary.get("id").asLong() + "] .pipeline-trigger")
                .text()).isEqualTo("upload");
    }

    @Test
    void aPrivateReleasesReTestsAreAsHiddenAsItsPage() throws Exception {
        String secret = "secret-lib-" + databaseKind();
        Path work = Files.createTempDirectory(data, "build");
        PythonTools.twineUpload(server.url(), "olive", PASSWORD,
                PythonDistributions.build(work, Spec.of(secret, "1.0")).wheel()).assertSucceeded();
        makePrivate(secret);
        String api = "api/v1/projects/" + secret + "/1.0/downstream";

        HttpResponse<String> anonymous = HttpApi.anonymous(server.url()).get(api);
        HttpResponse<String> outsider = stranger.get(api);
        HttpResponse<String> unknownVersion = owner.get("api/v1/projects/" + secret + "/9.9/downstream");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(outsider.statusCode()).isEqualTo(404);
        assertThat(unknownVersion.statusCode()).as(unknownVersion.body()).isEqualTo(404);
        assertThat(owner.json(api).get("total").asInt()).isZero();
        assertThat(new WebSession(server.url()).get("project/" + secret + "/1.0/").statusCode()).isEqualTo(404);
    }

    private static JsonNode dependent(JsonNode report, String project) {
        for (JsonNode dependent : report.get("dependents")) {
            if (project.equals(dependent.get("project").asString(null))) {
                return dependent;
            }
        }
        throw new AssertionError("no dependent " + project + " in " + report);
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
