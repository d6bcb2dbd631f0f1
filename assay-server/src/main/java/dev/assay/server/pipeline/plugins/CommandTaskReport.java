package dev.assay.server.pipeline.plugins;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.assay.tasks.execution.TaskExecution;
import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Location;
import dev.assay.tasks.report.Report;
import dev.assay.tasks.report.ReportEvaluator;
import dev.assay.tasks.report.Severity;

/** The report of a command task: its outcome, and a finding for each output line its pattern matches. */
final class CommandTaskReport implements ReportEvaluator {

    private final String task;
    private final Pattern findings;
    private final Severity severity;

    CommandTaskReport(String task, Pattern findings, Severity severity) {
        this.task = task;
        this.findings = findings;
        this.severity = severity;
    }

    @Override
    public String taskName() {
        return task;
    }

    @Override
    public Report evaluate(TaskExecution execution, Path workspace) {
        List<Finding> found = findings == null ? List.of()
                : execution.log().stream().map(this::finding).filter(Objects::nonNull).toList();
        String outcome = execution.outcome().name().toLowerCase(Locale.ROOT);
        String summary = execution.message().isBlank() ? outcome : outcome + ": " + execution.message();
        return new Report(task, found.isEmpty() ? summary : summary + " (" + found.size() + " finding(s))", found);
    }

    private Finding finding(String line) {
        Matcher matcher = findings.matcher(line);
        if (!matcher.find()) {
            return null;
        }
        String message = group(matcher, "message");
        String file = group(matcher, "file");
        String number = group(matcher, "line");
        Location location = file == null ? null
                : new Location(file, number == null || !number.matches("\\d{1,9}") ? 0 : Integer.parseInt(number));
        return new Finding(severity, task, message == null ? line : message, location);
    }

    // A group the pattern does not have is as absent as one that did not match.
    private static String group(Matcher matcher, String name) {
        try {
            return matcher.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }
}
