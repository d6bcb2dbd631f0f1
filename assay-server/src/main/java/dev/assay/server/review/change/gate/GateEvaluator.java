package dev.assay.server.review.change.gate;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.lib.ObjectId;
import org.springframework.stereotype.Component;

import dev.assay.server.git.ChangeMerger;
import dev.assay.server.index.Project;
import dev.assay.server.pipeline.triggers.CommitPipelines;
import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.ChangeRequestRepository;
import dev.assay.server.review.change.Revision;
import dev.assay.server.review.change.vote.Vote;
import dev.assay.server.review.change.vote.Votes;
import dev.assay.server.review.thread.ThreadService;

/** Evaluates a change request against the merge gate of its target branch, condition by condition. */
@Component
class GateEvaluator {

    private final Votes votes;
    private final ThreadService threads;
    private final CommitPipelines pipelines;
    private final ChangeMerger merger;
    private final ChangeRequestRepository changes;

    GateEvaluator(Votes votes, ThreadService threads, CommitPipelines pipelines, ChangeMerger merger,
            ChangeRequestRepository changes) {
        this.votes = votes;
        this.threads = threads;
        this.pipelines = pipelines;
        this.merger = merger;
        this.changes = changes;
    }

    /** The evaluation of the change request (already read by the caller) against {@code gate}. */
    GateEvaluation evaluate(ChangeRequest changeRequest, Project project, MergeGate gate) {
        Revision latest = changes.latestRevision(changeRequest.number()).orElseThrow();
        List<Vote> cast = votes.of(changeRequest.number());
        List<GateCondition> conditions = new ArrayList<>();
        conditions.add(new GateCondition("open", changeRequest.isOpen(), changeRequest.isOpen() ? "open"
                : "the change request is " + changeRequest.state().key()));
        long approvals = cast.stream().filter(Vote::approves).count();
        conditions.add(new GateCondition("approvals", approvals >= gate.requiredApprovals(),
                approvals + " of " + gate.requiredApprovals() + " approvals"));
        List<String> needsWork = cast.stream()
                .filter(vote -> !vote.approves() && vote.revision() == latest.number()).map(Vote::user).toList();
        conditions.add(new GateCondition("no-needs-work", needsWork.isEmpty(), needsWork.isEmpty()
                ? "no needs-work vote on revision " + latest.number()
                : String.join(", ", needsWork) + " voted needs work on revision " + latest.number()));
        if (gate.requireResolved()) {
            long unresolved = threads.unresolvedCount(changeRequest.number());
            conditions.add(new GateCondition("threads-resolved", unresolved == 0, unresolved == 0
                    ? "every thread is resolved"
                    : unresolved + (unresolved == 1 ? " unresolved thread" : " unresolved threads")));
        }
        if (gate.requireGreen()) {
            conditions.add(pipeline(project, latest));
        }
        ChangeMerger.Mergeability mergeability = merger.check(project, changeRequest.targetBranch(),
                ObjectId.fromString(latest.commit()));
        conditions.add(conflicts(changeRequest, mergeability));
        boolean mergeable = conditions.stream().allMatch(GateCondition::met);
        return new GateEvaluation(mergeable, List.copyOf(conditions),
                gate.methods().stream().map(MergeMethod::key).toList(), mergeability.conflicts());
    }

    private GateCondition pipeline(Project project, Revision latest) {
        String commit = latest.commit().substring(0, 12);
        CommitPipelines.CommitStatus status = pipelines.latest(project.id(), latest.commit());
        if (status == null) {
            return new GateCondition("pipeline-green", false, "no pipeline of revision " + latest.number()
                    + " (commit " + commit + ") yet");
        }
        String pipeline = "pipeline #" + status.pipelineId() + " of revision " + latest.number() + " (commit "
                + commit + ") ";
        return switch (status.status()) {
            case "passed" -> new GateCondition("pipeline-green", true, pipeline + "passed");
            case "queued", "running" -> new GateCondition("pipeline-green", false, pipeline + "is "
                    + status.status() + ": wait for it to pass");
            default -> new GateCondition("pipeline-green", false, pipeline + status.status());
        };
    }

    private static GateCondition conflicts(ChangeRequest changeRequest, ChangeMerger.Mergeability mergeability) {
        String target = "'" + changeRequest.targetBranch() + "'";
        if (mergeability.head().isEmpty()) {
            return new GateCondition("no-conflicts", false, "the target branch " + target + " does not exist");
        }
        if (!mergeability.conflicts().isEmpty()) {
            return new GateCondition("no-conflicts", false, "conflicts with " + target + " in "
                    + String.join(", ", mergeability.conflicts()));
        }
        return new GateCondition("no-conflicts", true, mergeability.alreadyMerged() ? target + " already has it"
                : mergeability.fastForward() ? "fast-forwards " + target : "merges into " + target + " cleanly");
    }
}
