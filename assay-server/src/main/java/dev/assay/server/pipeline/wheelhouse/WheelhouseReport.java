package dev.assay.server.pipeline.wheelhouse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.execution.TaskExecution;
import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Report;
import dev.assay.tasks.report.ReportEvaluator;
import dev.assay.tasks.report.Severity;

/**
 * Judges the {@code wheelhouse} task: each staged wheel is an info saying where it came from (this index, or which
 * upstream), each requirement the index and its upstreams lack (or have no wheel for the worker's Python of) an error; and the {@code build-wheelhouse} task the same way, except that a build
 * requirement the index lacks is an info, since the build then uses the worker's Python.
 */
public final class WheelhouseReport implements ReportEvaluator {

    private final String task;
    private final Severity missingSeverity;
    private final String consequence;

    private WheelhouseReport(String task, Severity missingSeverity, String consequence) {
        this.task = task;
        this.missingSeverity = missingSeverity;
        this.consequence = consequence;
    }

    /** The {@code wheelhouse} task's report: a dependency the index lacks fails the install. */
    public static WheelhouseReport dependencies() {
        return new WheelhouseReport(WheelhouseTask.NAME, Severity.ERROR, "install will fail");
    }

    /** The {@code build-wheelhouse} task's report: a build requirement the index lacks means the worker's Python. */
    public static WheelhouseReport buildRequirements() {
        return new WheelhouseReport(BuildWheelhouseTask.NAME, Severity.INFO, "the build uses the worker's Python");
    }

    @Override
    public String taskName() {
        return task;
    }

    @Override
    public Report evaluate(TaskExecution execution, Path workspace) {
        List<Finding> findings = new ArrayList<>();
        for (Object staged : list(execution.rawData().values().get("staged"))) {
            findings.add(stagedFinding(staged));
        }
        for (Object missing : list(execution.rawData().values().get("unresolved"))) {
            IndexWheelhouse.Unresolved unresolved = unresolved(missing);
            findings.add(Finding.of(missingSeverity, unresolved.code(), "requirement '" + unresolved.requirement()
                    + "' " + unresolved.reason() + "; " + consequence));
        }
        String summary = execution.outcome() == TaskOutcome.PASSED ? execution.message()
                : execution.outcome().name().toLowerCase(Locale.ROOT) + ": " + execution.message();
        return new Report(execution.task(), summary, findings);
    }

    // Recorded data is the resolver's record in process, a map once read back; a wheel recorded without an upstream
    // (as before upstreams) came from this index.
    private static Finding stagedFinding(Object staged) {
        Map<?, ?> wheel = staged instanceof IndexWheelhouse.Staged s ? s.upstream() == null
                ? Map.of("requirement", s.requirement(), "filename", s.filename())
                : Map.of("requirement", s.requirement(), "filename", s.filename(), "upstream", s.upstream())
                : (Map<?, ?>) staged;
        String stagedAs = "'" + wheel.get("requirement") + "' staged as " + wheel.get("filename");
        Object upstream = wheel.get("upstream");
        return upstream == null ? Finding.of(Severity.INFO, "from-index", stagedAs + " from this index")
                : Finding.of(Severity.INFO, "from-upstream", stagedAs + " from upstream " + upstream);
    }

    // Recorded data is the resolver's record in process; a plain requirement is what workers recorded before reasons.
    private static IndexWheelhouse.Unresolved unresolved(Object missing) {
        if (missing instanceof IndexWheelhouse.Unresolved unresolved) {
            return unresolved;
        }
        if (missing instanceof Map<?, ?> map) {
            return new IndexWheelhouse.Unresolved(String.valueOf(map.get("requirement")),
                    String.valueOf(map.get("code")), String.valueOf(map.get("reason")));
        }
        return new IndexWheelhouse.Unresolved(String.valueOf(missing), IndexWheelhouse.NOT_IN_INDEX,
                IndexWheelhouse.NOT_IN_INDEX_REASON);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
