package dev.assay.server.review.change.gate;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.assay.server.review.change.RevisionAdded;
import dev.assay.server.review.change.vote.Votes;

/** Resets the votes of a change request when it gets a new revision, unless its target's gate keeps them. */
@Component
class VoteReset {

    private final Votes votes;
    private final MergeGates gates;

    VoteReset(Votes votes, MergeGates gates) {
        this.votes = votes;
        this.gates = gates;
    }

    /** Runs inside the transaction adding the revision, so the reset and the revision commit together. */
    @EventListener
    void revisionAdded(RevisionAdded added) {
        if (added.revision().number() > 1
                && !gates.of(added.changeRequest().projectId(), added.changeRequest().targetBranch()).keepVotes()) {
            votes.reset(added.changeRequest(), added.revision(), added.uploader());
        }
    }
}
