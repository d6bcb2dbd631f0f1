package dev.assay.server.index.description;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.SandboxedFixture;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.TestDistributions;
import tools.jackson.databind.JsonNode;

/**
 * reStructuredText descriptions are rendered by the sandboxed {@code description} task with readme_renderer, as PyPI
 * renders them, and the project page shows the kept, sanitised HTML.
 */
abstract class RstDescriptionContract extends SandboxedFixture {

    /** A real project's wheel from the local mirror: its METADATA declares no content type, so it is reST. */
    private static final Path DEFUSEDXML = Path.of("/opt/pypi/files/defusedxml-0.7.1-py2.py3-none-any.whl");

    @Override
    protected Map<String, Object> pipelineSettings() {
        return sandboxedSettings();
    }

    @Test
    void aRealWorldReadmeRendersWithHeadingsCodeBlocksTablesAndLinks() {
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, DEFUSEDXML).assertSucceeded();

        JsonNode pipeline = finished("defusedxml", "0.7.1", DEFUSEDXML.getFileName().toString(), DEADLINE);

        JsonNode task = tasks(pipeline).get("description");
        assertThat(task.get("outcome").asString()).as(pipeline::toString).isEqualTo("passed");
        assertThat(task.get("summary").asString()).contains("rendered as reStructuredText by readme_renderer");
        Element description = ProjectPageDescription.of(stranger, "defusedxml");
        assertThat(description.select("h2").eachText()).contains("Synopsis", "Attack vectors");
        assertThat(description.select("h3").eachText()).contains("billion laughs / exponential entity expansion");
        assertThat(description.select("pre").text()).contains("<!DOCTYPE xmlbomb [");
        assertThat(description.select("table")).isNotEmpty();
        assertThat(description.select("table").text()).contains("billion laughs");
        assertThat(description.select("a[href^=https://]")).isNotEmpty();
        assertThat(description.select("pre.description-text, .description-note")).as("not shown as text").isEmpty();
        assertThat(description.select("script, style, [onclick], [onerror], [class=docutils]")).isEmpty();
    }

    @Test
    void theRawDirectiveIsRefusedAndTheTextShownWithANote() throws Exception {
        String project = "raw-" + databaseKind();
        upload(project, """
                Raw HTML
                ========

                Before.

                .. raw:: html

                   <script>alert("raw")</script><b class="raw-marker">bold</b>

                After.
                """);

        JsonNode pipeline = finished(project, "1.0", wheelName(project), DEADLINE);

        assertThat(tasks(pipeline).get("description").get("summary").asString()).as(pipeline::toString)
                .contains("does not render as reStructuredText", "\"raw\" directive disabled");
        HttpResponse<String> page = stranger.get("project/" + project + "/");
        assertThat(page.body()).doesNotContain("<script>alert", "raw-marker\"", "<b ");
        Element description = ProjectPageDescription.of(stranger, project);
        assertThat(description.select(".description-note").text())
                .contains("does not render as reStructuredText", "\"raw\" directive disabled");
        assertThat(description.select("pre.description-text").text()).contains(".. raw:: html");
    }

    @Test
    void theIncludeDirectiveIsRefusedAndNoFileOfTheWorkerIsShown() throws Exception {
        String project = "include-" + databaseKind();
        upload(project, """
                Include
                =======

                Before.

                .. include:: /etc/passwd

                .. include:: /etc/hostname
                   :literal:

                After.
                """);

        JsonNode pipeline = finished(project, "1.0", wheelName(project), DEADLINE);

        assertThat(tasks(pipeline).get("description").get("summary").asString()).as(pipeline::toString)
                .contains("\"include\" directive disabled");
        String page = stranger.get("project/" + project + "/").body();
        assertThat(page).doesNotContain("root:x:0", "nologin", Files.readString(Path.of("/etc/passwd")).lines()
                .findFirst().orElseThrow());
        assertThat(ProjectPageDescription.of(stranger, project).select(".description-note").text()).contains("\"include\" directive disabled");
    }

    private void upload(String project, String description) throws Exception {
        TestDistributions.Spec spec = new TestDistributions.Spec(project, "1.0",
                List.of("Summary: reST", "Description-Content-Type: text/x-rst"), description);
        spec.upload(TestDistributions.wheel(Files.createTempDirectory(data, "wheel"), spec), server.url(), "olive",
                PASSWORD);
    }

    private static String wheelName(String project) {
        return project.replace('-', '_') + "-1.0-py3-none-any.whl";
    }
}
