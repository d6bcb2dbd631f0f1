package dev.assay.tasks.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The evaluation of one task execution: a summary line and its findings, most severe first. */
public record Report(String task, String summary, List<Finding> findings) {

    public Report {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(summary, "summary");
        findings = findings.stream()
                .sorted(Comparator.comparing(Finding::severity).reversed())
                .toList();
    }

    /** The severity of the worst finding, empty when there is none. */
    public Optional<Severity> highestSeverity() {
        return findings.stream().map(Finding::severity).max(Comparator.naturalOrder());
    }

    /** How many findings have {@code severity}. */
    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
