package dev.assay.server.review.releasegate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.assay.server.pipeline.downstream.DownstreamDependent;
import dev.assay.server.pipeline.downstream.DownstreamReport;
import dev.assay.server.pipeline.queue.PipelineRepository.PipelineRow;

/**
 * What the release gate says of a held release now: {@code wait} (a check has not ended), {@code pass} (it leaves
 * review automatically) or {@code fail} (it stays held); {@code text} says why, for people.
 */
record GateDecision(Verdict verdict, String text) {

    /** The gate's three answers. */
    enum Verdict { WAIT, PASS, FAIL }

    static final String WAITING = "waiting for its checks";

    /**
     * Decides from the release's newest ordinary pipeline of each file and, under {@code checks-and-dependents},
     * its downstream re-tests (dependents named as anyone may see them).
     */
    static GateDecision of(GateMode mode, List<PipelineRow> pipelines, Optional<DownstreamReport> downstream) {
        if (pipelines.isEmpty() || pipelines.stream().anyMatch(row -> !ended(row.status()))) {
            return new GateDecision(Verdict.WAIT, WAITING);
        }
        List<String> failures = new ArrayList<>();
        pipelines.stream().filter(row -> !"passed".equals(row.status())).forEach(row -> failures.add("pipeline #"
                + row.id() + ("error".equals(row.status()) ? " ended in error" : " failed")));
        if (!failures.isEmpty()) {
            return new GateDecision(Verdict.FAIL, String.join("; ", failures));
        }
        String passed = pipelines.size() + (pipelines.size() == 1 ? " pipeline" : " pipelines") + " passed";
        if (mode != GateMode.CHECKS_AND_DEPENDENTS || downstream.isEmpty()) {
            return new GateDecision(Verdict.PASS, passed);
        }
        DownstreamReport report = downstream.get();
        if (report.pending() > 0) {
            return new GateDecision(Verdict.WAIT, "waiting for " + report.pending() + " of its dependents' re-tests");
        }
        List<String> broken = report.dependents().stream()
                .filter(dependent -> "newly failing".equals(dependent.outcome())).map(GateDecision::breaks).toList();
        if (!broken.isEmpty()) {
            return new GateDecision(Verdict.FAIL, String.join("; ", broken));
        }
        return new GateDecision(Verdict.PASS, passed + ", " + report.total() + (report.total() == 1 ? " dependent"
                : " dependents") + " re-tested, none newly failing");
    }

    private static String breaks(DownstreamDependent dependent) {
        return dependent.named() ? "newly breaks " + dependent.project() + " " + dependent.version()
                + "'s tests (pipeline #" + dependent.pipelineId() + ")" : "newly breaks a dependent's tests";
    }

    private static boolean ended(String status) {
        return "passed".equals(status) || "failed".equals(status) || "error".equals(status);
    }
}
