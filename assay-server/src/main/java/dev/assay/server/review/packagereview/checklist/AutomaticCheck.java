package dev.assay.server.review.packagereview.checklist;

import java.util.List;

import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.TaskReport;

/**
 * One automatic item of a review's starting checklist, ticked from the latest pipeline of each file of an
 * iteration: {@code passed} when a task passed and none failed, {@code failed} when one failed (or, for the
 * install, reported a critical finding), {@code pending} while a pipeline is still queued or running, {@code
 * not-run} when no pipeline ran the task (e.g. sandboxed tasks are off).
 *
 * @param key   built, installed, imported, tests, coverage, lint
 * @param label the item as the page shows it
 */
public record AutomaticCheck(String key, String label, String status, String summary) {

    private record Item(String key, String label, String task) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item("built", "Builds from its sdist", "build"),
            new Item("installed", "Installs without critical findings", "install"),
            new Item("imported", "Imports", "import"),
            new Item("tests", "Its tests pass", "test"),
            new Item("coverage", "Coverage measured", "coverage"),
            new Item("lint", "Lint clean", "lint"));

    /** The automatic items, ticked from these pipelines (the latest of each file of one iteration). */
    public static List<AutomaticCheck> of(List<PipelineView> pipelines) {
        return ITEMS.stream().map(item -> tick(item, pipelines)).toList();
    }

    private static AutomaticCheck tick(Item item, List<PipelineView> pipelines) {
        List<TaskReport> reports = pipelines.stream().flatMap(pipeline -> pipeline.tasks().stream())
                .filter(task -> task.name().equals(item.task())).toList();
        boolean critical = item.key().equals("installed") && reports.stream().flatMap(task -> task.findings().stream())
                .anyMatch(finding -> finding.severity().equals("critical"));
        String summary = reports.stream().map(TaskReport::summary).filter(text -> text != null && !text.isBlank())
                .findFirst().orElse("");
        if (critical || reports.stream().anyMatch(task -> task.outcome().equals("failed")
                || task.outcome().equals("error"))) {
            return new AutomaticCheck(item.key(), item.label(), "failed", critical ? "critical findings; " + summary
                    : summary);
        }
        if (reports.stream().anyMatch(task -> task.outcome().equals("passed"))) {
            return new AutomaticCheck(item.key(), item.label(), "passed", summary);
        }
        if (pipelines.stream().anyMatch(PipelineView::active)) {
            return new AutomaticCheck(item.key(), item.label(), "pending", "the pipeline has not finished");
        }
        return new AutomaticCheck(item.key(), item.label(), "not-run", pipelines.isEmpty() ? "no pipeline"
                : "no pipeline ran this task");
    }
}
