package dev.assay.server.review.change.gate;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.accounts.Caller;
import dev.assay.server.index.Project;
import dev.assay.server.review.change.ChangePageSection;
import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.ChangeRequestAccess;
import dev.assay.server.review.change.vote.Vote;
import dev.assay.server.review.change.vote.Votes;

/** The gate, votes and merge panel of the {@code /changes/N} page ({@code review/change/gate :: section}). */
@Component
class GatePageSection implements ChangePageSection {

    /** What the panel shows: the gate, the votes, the caller's vote, and the forms the caller may use. */
    record Panel(long number, boolean open, GateEvaluation gate, List<Vote> votes, Optional<Vote> myVote,
            boolean mayVote, boolean mayMerge, String defaultMethod) {

        /** Why the merge button is disabled, or empty when it is not. */
        public String blocked() {
            return gate.unmet().stream().map(condition -> condition.name() + ": " + condition.detail())
                    .reduce((first, second) -> first + "; " + second).orElse("");
        }
    }

    private final Merges merges;
    private final MergeGates gates;
    private final Votes votes;
    private final ChangeRequestAccess access;

    GatePageSection(Merges merges, MergeGates gates, Votes votes, ChangeRequestAccess access) {
        this.merges = merges;
        this.gates = gates;
        this.votes = votes;
        this.access = access;
    }

    @Override
    public String template() {
        return "review/change/gate";
    }

    @Override
    public Panel model(Optional<Caller> caller, ChangeRequest changeRequest, Project project) {
        List<Vote> cast = votes.of(changeRequest.number());
        Optional<Vote> mine = caller.flatMap(present -> cast.stream()
                .filter(vote -> vote.user().equals(present.name())).findFirst());
        return new Panel(changeRequest.number(), changeRequest.isOpen(), merges.evaluate(changeRequest, project), cast,
                mine, changeRequest.isOpen() && access.mayVote(caller, project, changeRequest),
                changeRequest.isOpen() && access.mayMerge(caller, project),
                gates.of(project.id(), changeRequest.targetBranch()).defaultMethod().key());
    }

    @Override
    public int order() {
        return 100;
    }
}
