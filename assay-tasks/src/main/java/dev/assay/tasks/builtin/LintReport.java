package dev.assay.tasks.builtin;

import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.execution.TaskExecution;
import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Location;
import dev.assay.tasks.report.Report;
import dev.assay.tasks.report.ReportEvaluator;
import dev.assay.tasks.report.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Judges {@code lint}: a description that does not render is a warning; each analyser message is a finding at
 * its file and line — a warning for what may be a bug (pyflakes, flake8's F and E9 codes, pylint's errors and
 * warnings), info for style.
 */
public final class LintReport implements ReportEvaluator {

    /** The rule of a description that does not render as its declared content type. */
    static final String DESCRIPTION_DOES_NOT_RENDER = "description-does-not-render";

    @Override
    public String taskName() {
        return LintTask.NAME;
    }

    @Override
    public Report evaluate(TaskExecution execution, Path workspace) {
        Map<String, Object> raw = execution.rawData().values();
        List<Finding> findings = new ArrayList<>();
        if (raw.get(LintTask.DESCRIPTION) instanceof Map<?, ?> description) {
            description(description, findings);
        }
        if (raw.get(LintTask.FINDINGS) instanceof Collection<?> messages) {
            for (Object each : messages) {
                if (each instanceof Map<?, ?> message) {
                    findings.add(new Finding(severity(message), String.valueOf(message.get("rule")),
                            String.valueOf(message.get("message")), new Location(String.valueOf(message.get("path")),
                            message.get("line") instanceof Number line ? Math.max(0, line.intValue()) : 0)));
                }
            }
        }
        // an error (the worker lacks its analyser) says so, not that the package has no findings
        String summary = execution.outcome() != TaskOutcome.ERROR && raw.get(LintTask.COUNTS) instanceof Map<?, ?> counts
                ? describe(counts, raw.get("analysers") instanceof Collection<?> a ? a : List.of())
                : RawFiles.outcomeLine(execution);
        return new Report(taskName(), summary, findings);
    }

    /** "3 lint findings (pyflakes/unused-import 2, pyflakes/undefined-name 1); analysers: pyflakes". */
    static String describe(Map<?, ?> counts, Collection<?> analysers) {
        if (analysers.isEmpty()) {
            return "no static analyser on this worker (apt-get install python3-pyflakes)";
        }
        int total = counts.values().stream().mapToInt(c -> ((Number) c).intValue()).sum();
        String from = "; analysers: " + analysers.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return total == 0 ? "no lint findings" + from : total + " lint finding" + (total == 1 ? "" : "s") + " ("
                + counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                + ")" + from;
    }

    private static void description(Map<?, ?> description, List<Finding> findings) {
        Location where = Location.of("METADATA Description");
        switch (String.valueOf(description.get("result"))) {
            case "failed" -> findings.add(new Finding(Severity.WARNING, DESCRIPTION_DOES_NOT_RENDER,
                    "the description does not render as " + description.get("contentType") + " ("
                            + description.get("renderer") + "): " + description.get("messages"), where));
            case "unavailable" -> findings.add(new Finding(Severity.INFO, "description-not-checked",
                    "the description was not rendered: " + description.get("detail"), where));
            default -> {
            }
        }
    }

    private static Severity severity(Map<?, ?> message) {
        String rule = String.valueOf(message.get("rule"));
        return switch (String.valueOf(message.get("analyser"))) {
            case "pyflakes" -> Severity.WARNING;
            case "flake8" -> rule.startsWith("flake8/F") || rule.startsWith("flake8/E9") ? Severity.WARNING : Severity.INFO;
            case "pylint" -> "EFW".contains(String.valueOf(message.get("category"))) ? Severity.WARNING : Severity.INFO;
            default -> Severity.INFO;
        };
    }
}
