package dev.assay.server.pipeline.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.SandboxedFixture;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonDistributions.Spec;
import dev.assay.server.testing.PythonTools;
import tools.jackson.databind.JsonNode;

/**
 * The Python-version matrix end to end on this machine: the in-process worker offers Debian's Python 3.11 and
 * pyenv's 3.12 (configured by path), and an upload's pipeline runs one sandboxed job on each, shown in its report.
 */
abstract class PythonMatrixSandboxedContract extends SandboxedFixture {

    @Override
    protected Map<String, Object> pipelineSettings() {
        Map<String, Object> settings = new HashMap<>(sandboxedSettings());
        settings.put("assay.pipeline.pythons[0]", PythonProbeTest.PYTHON_312.toString());
        return settings;
    }

    @BeforeAll
    void bothInterpreters() {
        List<String> missing = new ArrayList<>();
        for (Path python : List.of(PythonProbeTest.DEBIAN, PythonProbeTest.PYTHON_312)) {
            if (!Files.isExecutable(python)) {
                missing.add(python.toString());
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("\n!!!!!!!! SKIPPING THE PYTHON MATRIX TEST: this machine lacks " + missing
                    + " !!!!!!!!\n");
            Assumptions.abort("no " + missing);
        }
    }

    @Test
    void anUploadRunsOneSandboxedJobPerInterpreterAndTheReportShowsTheMatrix() throws Exception {
        String project = "matrix-" + databaseKind();
        PythonDistributions.Built built = PythonDistributions.build(Files.createTempDirectory(data, "build"),
                Spec.of(project, "1.0"));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, built.wheel()).assertSucceeded();
        String wheel = built.wheel().getFileName().toString();

        JsonNode pipeline = finished(project, "1.0", wheel, Duration.ofMinutes(8));

        JsonNode matrix = pipeline.get("matrix");
        assertThat(matrix).as(pipeline::toString).hasSize(2);
        assertThat(matrix.get(0).get("python").asString()).isEqualTo("3.11");
        assertThat(matrix.get(1).get("python").asString()).isEqualTo("3.12");
        for (JsonNode run : matrix) {
            Map<String, String> outcomes = new HashMap<>();
            run.get("tasks").forEach(task -> outcomes.put(task.get("name").asString(),
                    task.get("outcome").asString()));
            assertThat(outcomes).as(run::toString).containsEntry("install", "passed").containsEntry("import", "passed");
        }
        assertThat(logLines("3.12", "/root/.pyenv/versions/3.12.1/bin/python3.12 -m venv"))
                .as("the 3.12 job's venvs are made by pyenv's 3.12").isPositive();
        assertThat(logLines("3.11", "/usr/bin/python3 -m venv")).as("the 3.11 job's by Debian's").isPositive();
        assertThat(logLines("3.11", "python3.12")).isZero();
    }

    private long logLines(String python, String containing) {
        return number("SELECT COUNT(*) FROM pipeline_job_logs l JOIN pipeline_jobs j ON j.id = l.job_id "
                + "WHERE j.python = ? AND l.line LIKE ?", python, "%" + containing + "%");
    }
}
