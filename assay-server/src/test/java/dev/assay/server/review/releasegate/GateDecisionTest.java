package dev.assay.server.review.releasegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.downstream.DownstreamDependent;
import dev.assay.server.pipeline.downstream.DownstreamReport;
import dev.assay.server.pipeline.queue.PipelineRepository.PipelineRow;

class GateDecisionTest {

    @Test
    void waitsWhileAPipelineRunsOrNoneWasQueued() {
        assertThat(GateDecision.of(GateMode.CHECKS, List.of(), Optional.empty()).verdict())
                .isEqualTo(GateDecision.Verdict.WAIT);
        assertThat(GateDecision.of(GateMode.CHECKS, List.of(row(1, "passed"), row(2, "running")), Optional.empty()))
                .isEqualTo(new GateDecision(GateDecision.Verdict.WAIT, "waiting for its checks"));
    }

    @Test
    void failsNamingEachPipelineThatDidNotPass() {
        assertThat(GateDecision.of(GateMode.CHECKS, List.of(row(12, "failed"), row(13, "error"), row(14, "passed")),
                Optional.empty())).isEqualTo(new GateDecision(GateDecision.Verdict.FAIL,
                        "pipeline #12 failed; pipeline #13 ended in error"));
    }

    @Test
    void passesUnderChecksWithoutLookingAtDependents() {
        assertThat(GateDecision.of(GateMode.CHECKS, List.of(row(1, "passed"), row(2, "passed")),
                Optional.of(report(dependent("app", 31L, "newly failing")))))
                .isEqualTo(new GateDecision(GateDecision.Verdict.PASS, "2 pipelines passed"));
    }

    @Test
    void underChecksAndDependentsWaitsForReTestsAndFailsOnANewlyFailingOne() {
        List<PipelineRow> passed = List.of(row(1, "passed"));
        assertThat(GateDecision.of(GateMode.CHECKS_AND_DEPENDENTS, passed,
                Optional.of(report(dependent("app", 31L, "pending")))).verdict()).isEqualTo(GateDecision.Verdict.WAIT);
        assertThat(GateDecision.of(GateMode.CHECKS_AND_DEPENDENTS, passed, Optional.of(report(
                dependent("app", 31L, "newly failing"), dependent(null, null, "newly failing"),
                dependent("other", 33L, "still failing"))))).isEqualTo(new GateDecision(GateDecision.Verdict.FAIL,
                        "newly breaks app 1.0's tests (pipeline #31); newly breaks a dependent's tests"));
        assertThat(GateDecision.of(GateMode.CHECKS_AND_DEPENDENTS, passed, Optional.of(report(
                dependent("app", 31L, "passed"), dependent("other", 33L, "still failing")))))
                .isEqualTo(new GateDecision(GateDecision.Verdict.PASS,
                        "1 pipeline passed, 2 dependents re-tested, none newly failing"));
    }

    private static PipelineRow row(long id, String status) {
        return new PipelineRow(id, "lib", "2.0", 1L, "lib-2.0-py3-none-any.whl", null, null, "upload", status, "olive",
                Instant.EPOCH, null, null, null);
    }

    private static DownstreamDependent dependent(String project, Long pipeline, String outcome) {
        return new DownstreamDependent(project, project == null ? null : "1.0", pipeline, null, "failed", "passed",
                outcome);
    }

    private static DownstreamReport report(DownstreamDependent... dependents) {
        List<DownstreamDependent> all = List.of(dependents);
        return new DownstreamReport(all.size(), 0, 0, 0, 0,
                (int) all.stream().filter(one -> one.outcome().equals("pending")).count(), all);
    }
}
