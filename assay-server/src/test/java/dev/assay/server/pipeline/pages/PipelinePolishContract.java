package dev.assay.server.pipeline.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.assay.server.git.GitCommand;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.FindingView;
import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.health.MeasurementBackfill;
import dev.assay.server.pipeline.queue.JobQueue;
import dev.assay.server.testing.WebSession;

/**
 * The pipeline page's findings linked to their lines, the health section's empty state and charts, and the
 * latest pipeline's badge in the project header. No in-process worker: the test sends the results a worker would.
 */
abstract class PipelinePolishContract extends PipelineFixture {

    private static final String FAILURE = "tests/test_it.py::test_sum: AssertionError: assert 5 == 4\n"
            + " +  where 5 = add(2, 2)\n <b>not markup</b>";

    @Override
    protected Map<String, Object> pipelineSettings() {
        return Map.of("assay.pipeline.workers", 0, "assay.pipeline.lease", "1m");
    }

    @Test
    void anUploadsFindingsLinkToTheirLineInTheTestedFilesContents() throws Exception {
        String project = uploadedProject();
        String module = project.replace('-', '_');
        long id = owner.json(pipelines(project)).get(0).get("id").asLong();
        finish(id, List.of(task("lint", "passed", "1 finding", Map.of(),
                new FindingView("warning", "pyflakes/unused-import", "'os' imported but unused",
                        module + "/__init__.py:1"),
                new FindingView("warning", "pyflakes/undefined-name", "nowhere", "not/in/the/wheel.py:3"),
                new FindingView("info", "not-covered", "never run", module + "/__init__.py")),
                task("test", "failed", "failed: 0 passed, 1 failed, 0 skipped, 0 errors", Map.of(),
                        new FindingView("error", "test-failed", FAILURE, "tests.test_it.test_sum"))));

        Document page = new WebSession(server.url()).page("pipelines/" + id);

        List<Element> findings = page.select("#findings li.finding");
        assertThat(findings.get(0).selectFirst("a.finding-location").attr("href"))
                .isEqualTo("/project/" + project + "/1.0/contents/wheel/py3-none-any/" + module + "/__init__.py#L1");
        assertThat(findings.get(0).selectFirst("a.finding-location").text()).isEqualTo(module + "/__init__.py:1");
        assertThat(findings.get(1).select("a.finding-location")).as("a path the file does not hold").isEmpty();
        assertThat(findings.get(1).selectFirst(".finding-location").text()).isEqualTo("not/in/the/wheel.py:3");
        assertThat(findings.get(2).select("a.finding-location")).as("no line, no link").isEmpty();
        Element failure = findings.get(3).selectFirst("pre.finding-text");
        assertThat(failure).as("a multi-line failure keeps its lines").isNotNull();
        assertThat(failure.wholeText()).isEqualTo(FAILURE);
        assertThat(failure.select("b")).isEmpty();
        HttpResponse<String> line = owner.get(findings.get(0).selectFirst("a.finding-location").attr("href"));
        assertThat(line.statusCode()).isEqualTo(200);
        assertThat(line.body()).contains("id=\"L1\"");
    }

    @Test
    void aCommitsFindingsLinkToTheirLineAtThatCommitAlsoUnderSrc() throws Exception {
        String project = "polish-commit-" + databaseKind();
        Clone clone = clonedNewProject(project);
        GitCommand git = clone.git();
        Path work = clone.work();
        git.commit(work, "README.md", "# calc\n", "Readme");
        String commit = git.commit(work, "src/calc/core.py", "import os\n\nVALUE = 1\n", "Calculator");
        git.run(work, "push", "-q", clone.pushUrl(), "main").succeeded();
        String commits = "api/v1/projects/" + project + "/pipelines?commit=" + commit;
        long id = eventually("the push's pipeline", () -> owner.json(commits), list -> list.size() == 1)
                .get(0).get("id").asLong();
        finish(id, List.of(task("lint", "passed", "2 findings", Map.of(),
                new FindingView("warning", "pyflakes/unused-import", "'os' imported but unused", "calc/core.py:1"),
                new FindingView("warning", "pyflakes/x", "at the root", "README.md:1"))));

        Document page = new WebSession(server.url()).page("pipelines/" + id);

        assertThat(page.select("#findings a.finding-location").eachAttr("href")).containsExactly(
                "/project/" + project + "/source/blob/" + commit + "/src/calc/core.py#L1",
                "/project/" + project + "/source/blob/" + commit + "/README.md#L1");
        assertThat(owner.get(page.selectFirst("#findings a.finding-location").attr("href")).statusCode()).isEqualTo(200);
        Document list = new WebSession(server.url()).page("project/" + project + "/pipelines");
        assertThat(list.selectFirst("#health-branch-1 h3").text()).isEqualTo("Branch main");
        assertThat(list.select("#health-branch-1-duration circle.point")).hasSize(1);
        assertThat(list.select("#health-branch-1-duration text.chart-label").eachText())
                .containsExactly(commit.substring(0, 7));
        assertThat(list.select("#health-branch-1-tests")).as("no task counted tests").isEmpty();
        assertThat(list.select("#health-releases")).as("no release was tested").isEmpty();
    }

    @Test
    void theProjectHeaderShowsTheLatestFinishedPipelinesBadgeAndTheHealthItMeasured() throws Exception {
        String project = uploadedProject();
        long id = owner.json(pipelines(project)).get(0).get("id").asLong();
        WebSession anonymous = new WebSession(server.url());

        Document before = anonymous.page("project/" + project + "/");

        assertThat(before.select("#project-badge")).as("no pipeline has finished").isEmpty();
        assertThat(before.selectFirst("#health #no-measurements").text()).startsWith("No measurements yet");
        assertThat(anonymous.page("project/" + project + "/pipelines").select("#health #no-measurements")).hasSize(1);

        finish(id, List.of(task("test", "failed", "failed: 3 passed, 1 failed, 2 skipped, 0 errors",
                Map.of("tests", Map.of("passed", 3, "failed", 1, "skipped", 2, "errors", 0, "failures", List.of()))),
                task("coverage", "passed", "coverage 75% (1 files)", Map.of("coverageTotal", 75.0))));
        Document page = anonymous.page("project/" + project + "/");

        Element badge = page.selectFirst("h1 a#project-badge");
        assertThat(badge.attr("href")).isEqualTo("/pipelines/" + id);
        assertThat(badge.selectFirst("img").attr("src")).isEqualTo("/project/" + project + "/badge.svg");
        assertThat(badge.selectFirst("img").attr("alt")).isEqualTo("tests: failed");
        assertThat(page.select("#no-measurements")).isEmpty();
        assertThat(page.select("#health-releases-tests circle.point")).as("passed, failed and skipped of 1.0")
                .hasSize(3);
        List<String> titles = page.select("#health-releases-tests circle.point title").eachText();
        assertThat(titles.get(0)).startsWith("1.0 · passed: 3 · pipeline " + id + ", ");
        assertThat(titles.get(1)).startsWith("1.0 · failed: 1 · pipeline " + id + ", ");
        assertThat(titles.get(2)).startsWith("1.0 · skipped: 2 · pipeline " + id + ", ");
        assertThat(page.select("#health-releases-tests table.visually-hidden td").eachText())
                .containsExactly("3", "1", "2");
        assertThat(page.select("#health-releases-coverage table.visually-hidden td").eachText())
                .containsExactly("75%");
        assertThat(page.select("#health-releases-duration circle.point")).hasSize(1);
        Document list = anonymous.page("project/" + project + "/pipelines");
        assertThat(list.select("#health-releases-coverage circle.point")).hasSize(1);
    }

    @Test
    void pipelinesFinishedBeforeMeasurementsWereKeptAreMeasuredFromTheirStoredResults() throws Exception {
        String project = uploadedProject();
        long id = owner.json(pipelines(project)).get(0).get("id").asLong();
        long job = finish(id, List.of(task("test", "passed", "passed: 4 passed, 0 failed, 1 skipped, 0 errors",
                Map.of("tests", Map.of("passed", 4, "failed", 0, "skipped", 1, "errors", 0, "failures", List.of()))),
                task("coverage", "passed", "coverage 60.5% (2 files)", Map.of("coverageTotal", 60.5))));
        assertThat(update("DELETE FROM pipeline_measurements WHERE job_id = ?", job)).isEqualTo(1);
        WebSession anonymous = new WebSession(server.url());
        assertThat(anonymous.page("project/" + project + "/").select("#no-measurements")).hasSize(1);

        int measured = server.bean(MeasurementBackfill.class).backfill();

        assertThat(measured).isEqualTo(1);
        Document page = anonymous.page("project/" + project + "/");
        assertThat(page.select("#health-releases-tests table.visually-hidden td").eachText())
                .containsExactly("4", "0", "1");
        assertThat(page.select("#health-releases-coverage table.visually-hidden td").eachText())
                .containsExactly("60.5%");
        assertThat(server.bean(MeasurementBackfill.class).backfill()).as("measured once").isZero();
    }

    private long finish(long pipeline, List<TaskReport> tasks) {
        JobQueue queue = server.bean(JobQueue.class);
        ClaimedJob job = claimPipeline(queue, "polish-test", pipeline);
        queue.result(job.jobId(), job.lease(), tasks);
        return job.jobId();
    }

    private static TaskReport task(String name, String outcome, String summary, Map<String, Object> values,
            FindingView... findings) {
        Instant now = Instant.now();
        return new TaskReport(name, outcome, now.minusMillis(20), now, 20, summary, List.of(findings),
                Map.of("values", values));
    }
}
