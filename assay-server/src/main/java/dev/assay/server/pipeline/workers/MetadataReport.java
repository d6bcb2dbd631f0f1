package dev.assay.server.pipeline.workers;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.execution.TaskExecution;
import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Location;
import dev.assay.tasks.report.Report;
import dev.assay.tasks.report.ReportEvaluator;
import dev.assay.tasks.report.Severity;

/** Judges the {@code metadata} task's raw data: each recorded problem is a warning on its field. */
public final class MetadataReport implements ReportEvaluator {

    @Override
    public String taskName() {
        return MetadataTask.NAME;
    }

    @Override
    public Report evaluate(TaskExecution execution, Path workspace) {
        Object recorded = execution.rawData().values().getOrDefault("problems", List.of());
        List<Finding> findings = ((List<?>) recorded).stream()
                .map(problem -> (Map<?, ?>) problem)
                .map(problem -> new Finding(Severity.WARNING, "metadata/" + problem.get("code"),
                        String.valueOf(problem.get("message")), field(problem.get("field"))))
                .toList();
        String summary = execution.outcome() == TaskOutcome.PASSED
                ? (findings.isEmpty() ? "metadata complete" : findings.size() + " metadata warning(s)")
                : execution.outcome().name().toLowerCase(Locale.ROOT) + ": " + execution.message();
        return new Report(execution.task(), summary, findings);
    }

    private static Location field(Object field) {
        return field == null || String.valueOf(field).isEmpty() ? null : Location.of("METADATA " + field);
    }
}
