package dev.assay.server.pipeline.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.SandboxedFixture;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * Three releases tested by the real sandboxed pipeline: their test counts, coverage and durations charted on the
 * project page and the project's pipelines page, the pipeline page's lint finding linked to its line and a test
 * failure's explanation kept on its lines.
 */
abstract class ProjectHealthContract extends SandboxedFixture {

    private static final Duration RUNS = Duration.ofMinutes(6);

    @Override
    protected Map<String, Object> pipelineSettings() {
        return sandboxedSettings();
    }

    @Test
    void threeTestedReleasesAreChartedAndTheirFindingsLinkToTheirLines() throws Exception {
        String project = "health-" + databaseKind();
        String module = project.replace('-', '_');
        Path work = Files.createTempDirectory(data, "build");
        List<String> versions = List.of("1.0", "2.0", "3.0");
        List<String> tests = List.of(
                "def test_one():\n    assert VALUE == 1\n\n\ndef test_list():\n    assert [1, 2, 3] == [1, 2, 4]\n",
                "def test_one():\n    assert VALUE == 1\n\n\ndef test_two():\n    assert VALUE + 1 == 2\n",
                "import pytest\n\n\ndef test_one():\n    assert VALUE == 1\n\n\ndef test_two():\n    assert VALUE + 1 == 2\n"
                        + "\n\n@pytest.mark.skip(reason='later')\ndef test_later():\n    pass\n");
        for (int i = 0; i < versions.size(); i++) {
            Path sdist = PythonDistributions.handWrittenSdist(work, project, versions.get(i), Map.of(
                    "pyproject.toml", pyproject(project, versions.get(i), module),
                    module + "/__init__.py", "import os\n\nVALUE = 1\n",
                    "tests/test_it.py", "from " + module + " import VALUE\n" + tests.get(i)));
            PythonTools.twineUpload(server.url(), "olive", PASSWORD, sdist).assertSucceeded();
        }
        List<JsonNode> pipelines = new ArrayList<>();
        for (String version : versions) {
            pipelines.add(finished(project, version, module + "-" + version + ".tar.gz", RUNS));
        }
        WebSession anonymous = new WebSession(server.url());

        Document page = anonymous.page("project/" + project + "/");

        assertThat(tasks(pipelines.get(0)).get("test").get("outcome").asString()).as(pipelines.get(0)::toString)
                .isEqualTo("failed");
        assertThat(page.select("#health-releases-tests circle.point")).as("passed, failed, skipped of 3 releases")
                .hasSize(9);
        assertThat(page.select("#health-releases-coverage circle.point")).hasSize(3);
        assertThat(page.select("#health-releases-duration circle.point")).hasSize(3);
        assertThat(page.select("#health-releases-tests text.chart-label").eachText()).containsExactlyElementsOf(versions);
        assertThat(page.select("#health-releases-tests table.visually-hidden tbody tr").eachText())
                .containsExactly("1.0 1 1 0", "2.0 2 0 0", "3.0 2 0 1");
        assertThat(page.select("#health-releases-coverage table.visually-hidden td").eachText())
                .allSatisfy(percent -> assertThat(percent).endsWith("%"));
        assertThat(page.selectFirst("#project-badge").attr("href"))
                .isEqualTo("/pipelines/" + pipelines.get(2).get("id").asLong());
        Document list = anonymous.page("project/" + project + "/pipelines");
        assertThat(list.select("#health-releases-tests circle.point")).hasSize(9);

        Document first = anonymous.page("pipelines/" + pipelines.get(0).get("id").asLong());
        Element unused = first.select("#findings li.finding").stream()
                .filter(finding -> finding.text().contains("imported but unused")).findFirst().orElseThrow();
        assertThat(unused.selectFirst("a.finding-location").attr("href"))
                .isEqualTo("/project/" + project + "/1.0/contents/sdist/" + module + "/__init__.py#L1");
        Element failure = first.select("#findings li.finding").stream()
                .filter(finding -> finding.text().contains("test_list")).findFirst().orElseThrow();
        assertThat(failure.selectFirst("pre.finding-text").wholeText()).as(failure::outerHtml).contains("\n");
    }

    private static String pyproject(String project, String version, String module) {
        return """
                [build-system]
                requires = ["setuptools>=61"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "%s"
                version = "%s"

                [tool.setuptools]
                packages = ["%s"]
                """.formatted(project, version, module);
    }
}
