package dev.assay.server.review.releasegate;

import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.DistributionFile;
import dev.assay.server.index.FileUploaded;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.pipeline.JobFinished;
import dev.assay.server.pipeline.downstream.DownstreamPins;
import dev.assay.server.pipeline.downstream.DownstreamReports;
import dev.assay.server.pipeline.queue.PipelineService;
import dev.assay.server.review.packagereview.PackageReviewService;
import dev.assay.server.review.releasehold.HoldKind;
import dev.assay.server.review.releasehold.ReleaseHold;
import dev.assay.server.review.releasehold.ReleaseHolds;

/**
 * Keeps the release gate: under a gate, every upload holds its release (a new one, or one that had left review)
 * inside the upload's transaction; every job result of the release, or of one of its downstream re-tests, asks the
 * gate again inside the result's transaction, under the project's row lock, so that two results ending together
 * release it once. A release that passes leaves review automatically; one that fails stays held and its project's
 * package review is opened naming why.
 */
@Service
class ReleaseGateKeeper {

    private final ReleaseGates gates;
    private final ReleaseHolds holds;
    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final PipelineService pipelines;
    private final DownstreamReports downstream;
    private final DownstreamPins pins;
    private final PackageReviewService reviews;
    private final AccountService accounts;

    ReleaseGateKeeper(ReleaseGates gates, ReleaseHolds holds, ProjectService projects, ReleaseLookup lookup,
            PipelineService pipelines, DownstreamReports downstream, DownstreamPins pins,
            PackageReviewService reviews, AccountService accounts) {
        this.gates = gates;
        this.holds = holds;
        this.projects = projects;
        this.lookup = lookup;
        this.pipelines = pipelines;
        this.downstream = downstream;
        this.pins = pins;
        this.reviews = reviews;
        this.accounts = accounts;
    }

    /** Inside the upload's transaction, which holds the project's row lock. */
    @EventListener
    void uploaded(FileUploaded upload) {
        Project project = projects.find(upload.projectId()).orElseThrow();
        if (gates.mode(project) == GateMode.OFF) {
            return;
        }
        String reason = holds.everHeld(upload.releaseId(), HoldKind.GATE)
                ? "waiting for the checks of " + upload.filename() : GateDecision.WAITING;
        holds.hold(project, upload.releaseId(), HoldKind.GATE, reason);
    }

    /** Inside the transaction recording a job's result: the job's release, and the release a re-test stages. */
    @EventListener
    void finished(JobFinished job) {
        evaluate(job.project(), job.version());
        pins.pin(job.pipelineId()).ifPresent(library -> evaluate(library.project(), library.version()));
    }

    private void evaluate(String projectName, String version) {
        Optional<Project> found = projects.find(projectName);
        Optional<Release> release = found.flatMap(project -> release(project, version));
        if (release.isEmpty() || holds.active(release.get().id(), HoldKind.GATE).isEmpty()) {
            return;
        }
        Project project = projects.lock(found.get());
        Optional<ReleaseHold> hold = holds.active(release.get().id(), HoldKind.GATE);
        if (hold.isEmpty()) {
            return;
        }
        GateMode mode = gates.mode(project);
        GateDecision decision = mode == GateMode.OFF ? new GateDecision(GateDecision.Verdict.PASS,
                "the release gate is off")
                : GateDecision.of(mode, pipelines.latestOrdinaryPerFile(release.get().id()),
                        Optional.of(downstream.of(Optional.empty(), release.get())));
        switch (decision.verdict()) {
            case PASS -> holds.releaseAutomatically(project, release.get().id(), HoldKind.GATE, decision.text());
            case FAIL -> stayHeld(project, release.get(), hold.get(), decision.text());
            case WAIT -> holds.changeReason(hold.get(), decision.text());
        }
    }

    // the review is opened once per new reason, not on every result that repeats it
    private void stayHeld(Project project, Release release, ReleaseHold hold, String reason) {
        if (reason.equals(hold.reason())) {
            return;
        }
        holds.changeReason(hold, reason);
        reviews.openForRelease(project, release.id(), release.version(), actor(project, release), reason);
    }

    private Optional<Release> release(Project project, String version) {
        try {
            return Optional.of(lookup.release(project, version));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    // the release's first uploader acts for the gate; a release without one (an old upload) falls to a member
    private long actor(Project project, Release release) {
        List<DistributionFile> files = lookup.files(release);
        return files.stream().flatMap(file -> file.uploader().stream()).findFirst()
                .map(name -> accounts.user(name).id())
                .orElseGet(() -> projects.members(project).get(0).userId());
    }
}
