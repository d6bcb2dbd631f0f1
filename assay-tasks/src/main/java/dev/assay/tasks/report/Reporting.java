package dev.assay.tasks.report;

import dev.assay.tasks.execution.ExecutionReport;
import dev.assay.tasks.execution.TaskExecution;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Evaluates every execution of a job with the evaluator for its task, or an outcome-only report. */
public final class Reporting {

    private final Map<String, ReportEvaluator> evaluators = new HashMap<>();

    public Reporting(Collection<? extends ReportEvaluator> evaluators) {
        for (ReportEvaluator evaluator : evaluators) {
            if (this.evaluators.putIfAbsent(evaluator.taskName(), evaluator) != null) {
                throw new IllegalArgumentException("two report evaluators for task '" + evaluator.taskName() + "'");
            }
        }
    }

    /** One report per task of the job, in plan order. */
    public List<Report> evaluate(ExecutionReport job) {
        return job.tasks().stream().map(execution -> evaluate(execution, job.workspace())).toList();
    }

    /** The report of one execution; an evaluator that throws yields an error finding instead of no report. */
    public Report evaluate(TaskExecution execution, Path workspace) {
        ReportEvaluator evaluator = evaluators.get(execution.task());
        if (evaluator == null) {
            return outcomeOnly(execution, List.of());
        }
        try {
            return evaluator.evaluate(execution, workspace);
        } catch (RuntimeException e) {
            return outcomeOnly(execution, List.of(Finding.of(Severity.ERROR, "report-failed",
                    "the report of '" + execution.task() + "' could not be made: " + e.getMessage())));
        }
    }

    private static Report outcomeOnly(TaskExecution execution, List<Finding> findings) {
        String outcome = execution.outcome().name().toLowerCase(Locale.ROOT);
        String message = execution.message();
        String summary;
        if (message.isBlank()) {
            summary = outcome;
        } else if (message.startsWith(outcome)) {
            // Skip reasons already read "skipped: 'build' failed".
            summary = message;
        } else {
            summary = outcome + ": " + message;
        }
        return new Report(execution.task(), summary, findings);
    }
}
