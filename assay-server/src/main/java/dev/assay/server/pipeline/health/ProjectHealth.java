package dev.assay.server.pipeline.health;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import dev.assay.server.pipeline.health.MeasurementRepository.MeasuredJob;

/**
 * A project's health over time, as charts: test counts, coverage and pipeline durations per release (its newest
 * measured pipeline) and per branch (its pushes' pipelines). Callers have checked that the reader may read the
 * project.
 */
@Service
public class ProjectHealth {

    /** At most this many releases, and this many pipelines per branch, are drawn. */
    static final int POINTS = 20;
    /** At most this many branches are drawn, those with the newest pipelines. */
    static final int BRANCHES = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** Charts about one subject: the releases, or one branch. */
    public record ChartGroup(String id, String title, List<String> charts) {
    }

    /** Every group with something to show; empty when no pipeline has been measured. */
    public record Health(List<ChartGroup> groups) {

        public boolean isEmpty() {
            return groups.isEmpty();
        }
    }

    private final MeasurementRepository measurements;

    ProjectHealth(MeasurementRepository measurements) {
        this.measurements = measurements;
    }

    /** The project's charts, as HTML figures with inline SVG (every text in them escaped). */
    public Health of(long projectId) {
        List<ChartGroup> groups = new ArrayList<>();
        List<MeasuredJob> releases = measurements.perRelease(projectId, POINTS);
        if (!releases.isEmpty()) {
            groups.add(group("health-releases", "Per release", releases, MeasuredJob::version));
        }
        Map<String, List<MeasuredJob>> branches = new LinkedHashMap<>();
        // enough rows for the branches pushed last even when other branches' pipelines are interleaved with them
        for (MeasuredJob job : measurements.ofBranches(projectId, POINTS * BRANCHES * 4)) {
            String branch = job.gitRef().substring("refs/heads/".length());
            if (branches.containsKey(branch) || branches.size() < BRANCHES) {
                List<MeasuredJob> jobs = branches.computeIfAbsent(branch, name -> new ArrayList<>());
                if (jobs.size() < POINTS) {
                    jobs.add(0, job);
                }
            }
        }
        int n = 0;
        for (Map.Entry<String, List<MeasuredJob>> branch : branches.entrySet()) {
            groups.add(group("health-branch-" + ++n, "Branch " + branch.getKey(), branch.getValue(),
                    job -> job.gitCommit().substring(0, Math.min(7, job.gitCommit().length()))));
        }
        return new Health(groups);
    }

    private static ChartGroup group(String id, String title, List<MeasuredJob> jobs, Function<MeasuredJob, String> label) {
        List<String> labels = jobs.stream().map(label).toList();
        List<String> hovers = jobs.stream()
                .map(job -> "pipeline " + job.pipelineId() + ", " + DAY.format(job.measurement().finishedAt())).toList();
        List<String> charts = new ArrayList<>();
        ChartData tests = new ChartData(id + "-tests", "Tests · " + title, "", null, labels, hovers, List.of(
                series("passed", "series-passed", jobs, m -> m.passed()),
                series("failed", "series-failed", jobs, Measurement::failedOrErrors),
                series("skipped", "series-skipped", jobs, m -> m.skipped())));
        ChartData coverage = new ChartData(id + "-coverage", "Coverage · " + title, "%", 100.0, labels, hovers,
                List.of(series("coverage", "series-coverage", jobs, Measurement::coverage)));
        ChartData durations = new ChartData(id + "-duration", "Pipeline duration · " + title, " s", null, labels,
                hovers, List.of(series("duration", "series-duration", jobs, m -> m.durationMs() / 1000.0)));
        for (ChartData chart : List.of(tests, coverage, durations)) {
            if (chart.hasValues()) {
                charts.add(SvgChart.render(chart));
            }
        }
        return new ChartGroup(id, title, charts);
    }

    private static ChartData.Series series(String name, String cssClass, List<MeasuredJob> jobs,
            Function<Measurement, Number> value) {
        List<Double> values = jobs.stream().map(job -> value.apply(job.measurement()))
                .map(number -> number == null ? null : number.doubleValue()).toList();
        return new ChartData.Series(name, cssClass, values);
    }
}
