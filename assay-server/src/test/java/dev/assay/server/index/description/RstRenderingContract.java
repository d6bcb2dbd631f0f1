package dev.assay.server.index.description;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.assay.packaging.metadata.MetadataParser;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.queue.JobQueue;
import dev.assay.server.testing.TestDistributions;
import dev.assay.tasks.builtin.DescriptionTask;

/**
 * What the server keeps of a worker's {@code description} task, on each database: the HTML sanitised again (a worker's
 * output is no more trusted than the text it rendered), only for the text the release shows, and why it failed.
 */
abstract class RstRenderingContract extends PipelineFixture {

    private static final String TEXT = "Title\n=====\n\nSome *text*.\n";

    @Override
    protected Map<String, Object> pipelineSettings() {
        return Map.of("assay.pipeline.workers", 0, "assay.pipeline.lease", "1m");
    }

    @Test
    void untilRenderedTheTextIsShownWithANote() throws Exception {
        String project = uploaded("waiting", TEXT);

        Element description = ProjectPageDescription.of(stranger, project);

        assertThat(description.select(".description-note").text()).contains("shown as text until a pipeline renders");
        assertThat(description.select("pre.description-text").text()).contains("Some *text*.");
        assertThat(stranger.get("project/" + project + "/").body()).contains("/css/rest.css");
        assertThat(stranger.get("css/rest.css").body()).contains(".description-note");
    }

    @Test
    void aWorkersHtmlIsSanitisedAgainBeforeItIsKept() throws Exception {
        String project = uploaded("hostile", TEXT);

        finish(project, rendered(shown(TEXT)), """
                <h2>Heading</h2><p>Some <em>text</em>.</p><script>alert(1)</script>
                <img src="x" onerror="alert(2)"><a href="javascript:alert(3)">click</a>
                <a href="https://example.org/" onclick="alert(4)">site</a><iframe src="https://evil.example/"></iframe>
                <pre><code>print(1)</code></pre>""");

        Element description = ProjectPageDescription.of(stranger, project);
        assertThat(description.select("h2").text()).isEqualTo("Heading");
        assertThat(description.select("em").text()).isEqualTo("text");
        assertThat(description.select("pre code").text()).isEqualTo("print(1)");
        assertThat(description.select("a[href=https://example.org/]")).hasSize(1);
        assertThat(description.select("script, iframe, [onerror], [onclick], a[href^=javascript]")).isEmpty();
        assertThat(description.html()).doesNotContain("alert(");
        assertThat(description.select(".description-note, pre.description-text")).isEmpty();
        assertThat(number("SELECT COUNT(*) FROM rendered_descriptions")).isPositive();
    }

    @Test
    void aRenderingOfAnotherTextIsNotShown() throws Exception {
        String project = uploaded("other-text", TEXT);

        finish(project, rendered(shown("Another description\n")), "<h2>Another</h2>");

        Element description = ProjectPageDescription.of(stranger, project);
        assertThat(description.select("h2")).isEmpty();
        assertThat(description.select("pre.description-text").text()).contains("Some *text*.");
    }

    @Test
    void aTextDocutilsRefusesIsShownWithWhy() throws Exception {
        String project = uploaded("refused", TEXT);

        finish(project, Map.of("result", "failed", "descriptionSha256", shown(TEXT),
                "messages", "<string>:5: (WARNING/2) \"raw\" directive disabled. <b>bold</b>"), null);

        Element description = ProjectPageDescription.of(stranger, project);
        assertThat(description.select(".description-note").text())
                .contains("does not render as reStructuredText", "\"raw\" directive disabled. <b>bold</b>");
        assertThat(description.select("b")).isEmpty();
        assertThat(description.select("pre.description-text").text()).contains("Some *text*.");
    }

    private String uploaded(String name, String text) throws Exception {
        String project = name + "-" + databaseKind();
        TestDistributions.Spec spec = new TestDistributions.Spec(project, "1.0", List.of(), text);
        spec.upload(TestDistributions.wheel(Files.createTempDirectory(data, "wheel"), spec), server.url(), "olive",
                PASSWORD);
        return project;
    }

    /** The SHA-256 of {@code text} as the release's stored metadata gives it back, as the task computes it. */
    private static String shown(String text) {
        return DescriptionTask.sha256(MetadataParser.parse(new TestDistributions.Spec("x", "1.0", List.of(), text)
                .metadata()).description().orElseThrow());
    }

    private static Map<String, Object> rendered(String sha256) {
        return Map.of("result", "rendered", "descriptionSha256", sha256);
    }

    /** Sends the job's result as a worker would: the description task's values, and its HTML file if any. */
    private void finish(String project, Map<String, Object> values, String html) {
        JobQueue queue = server.bean(JobQueue.class);
        long pipeline = owner.json(pipelines(project)).get(0).get("id").asLong();
        ClaimedJob job = claimPipeline(queue, "worker", pipeline);
        if (html != null) {
            queue.attach(job.jobId(), job.lease(), DescriptionTask.NAME, DescriptionTask.HTML,
                    new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        }
        Instant now = Instant.now();
        queue.result(job.jobId(), job.lease(), List.of(new TaskReport(DescriptionTask.NAME, "passed", now, now, 0,
                "rendered", List.of(), Map.of("values", values))));
    }
}
