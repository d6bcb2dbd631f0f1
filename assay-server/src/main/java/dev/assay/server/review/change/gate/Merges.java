package dev.assay.server.review.change.gate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.User;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.git.ChangeMerger;
import dev.assay.server.git.ServerRefUpdates;
import dev.assay.server.index.Project;
import dev.assay.server.notify.Notice;
import dev.assay.server.notify.NoticeKind;
import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.ChangeRequestAccess;
import dev.assay.server.review.change.ChangeRequestRepository;
import dev.assay.server.review.change.ChangeRequestState;
import dev.assay.server.review.change.Revision;
import dev.assay.server.review.change.vote.ChangeLookup;

/**
 * Evaluates change requests against their gates and merges them: under the request's row lock (a second click
 * finds it merged), by JGit on the server, the target branch moved as a push by the merger so that pipelines and
 * mirrors run.
 */
@Service
public class Merges {

    private final ChangeLookup lookup;
    private final MergeGates gates;
    private final GateEvaluator evaluator;
    private final ChangeMerger merger;
    private final ServerRefUpdates refs;
    private final ChangeRequestRepository changes;
    private final ChangeRequestAccess access;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Merges(ChangeLookup lookup, MergeGates gates, GateEvaluator evaluator, ChangeMerger merger, ServerRefUpdates refs,
            ChangeRequestRepository changes, ChangeRequestAccess access, AccountService accounts,
            ApplicationEventPublisher events, Clock clock) {
        this.lookup = lookup;
        this.gates = gates;
        this.evaluator = evaluator;
        this.merger = merger;
        this.refs = refs;
        this.changes = changes;
        this.access = access;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** The change request against its target's gate, for whoever may read it. */
    @Transactional(readOnly = true)
    public GateEvaluation gate(Optional<Caller> caller, long number) {
        ChangeLookup.Found found = lookup.readable(caller, number);
        return evaluate(found.changeRequest(), found.project());
    }

    /** The evaluation, for callers that already read the change request and its project. */
    public GateEvaluation evaluate(ChangeRequest changeRequest, Project project) {
        return evaluator.evaluate(changeRequest, project, gates.of(project.id(), changeRequest.targetBranch()));
    }

    /**
     * Merges the change request by {@code methodKey} (none: the gate's default method); 404, 403, 400 (a method the
     * gate does not allow), 409 (not open, the gate not met, conflicts, no fast-forward, the target moved).
     */
    @Transactional
    public ChangeRequest merge(Caller caller, long number, String methodKey) {
        ChangeLookup.Found found = lookup.readable(Optional.of(caller), number);
        Project project = found.project();
        access.checkMayMerge(caller, project);
        ChangeRequest changeRequest = lookup.locked(number);
        if (!changeRequest.isOpen()) {
            throw new ConflictException("Change request #" + number + " is " + changeRequest.state().key()
                    + ": only an open change request merges");
        }
        MergeGate gate = gates.of(project.id(), changeRequest.targetBranch());
        MergeMethod method = method(methodKey, gate);
        GateEvaluation evaluation = evaluator.evaluate(changeRequest, project, gate);
        if (!evaluation.conflicts().isEmpty()) {
            throw new ConflictException("Change request #" + number + " conflicts with '"
                    + changeRequest.targetBranch() + "' in " + String.join(", ", evaluation.conflicts())
                    + ": merge or rebase the target into it and push a new revision");
        }
        if (!evaluation.mergeable()) {
            throw new ConflictException("Change request #" + number + " cannot merge yet: " + evaluation.unmet()
                    .stream().map(unmet -> unmet.name() + " (" + unmet.detail() + ")")
                    .collect(Collectors.joining("; ")));
        }
        Revision latest = changes.latestRevision(number).orElseThrow();
        ObjectId merged = write(caller, changeRequest, project, method, ObjectId.fromString(latest.commit()));
        return finish(caller, changeRequest, project, method, merged);
    }

    private ObjectId write(Caller caller, ChangeRequest changeRequest, Project project, MergeMethod method,
            ObjectId commit) {
        String target = changeRequest.targetBranch();
        ChangeMerger.Mergeability now = merger.check(project, target, commit);
        ObjectId head = now.head().orElseThrow();
        if (method == MergeMethod.FAST_FORWARD) {
            if (!now.fastForward()) {
                throw new ConflictException("'" + target + "' cannot fast-forward to change request #"
                        + changeRequest.number() + ": its head is not an ancestor of the latest revision; rebase the "
                        + "change onto '" + target + "' or merge by another method");
            }
            refs.update(project, caller, Constants.R_HEADS + target, head, commit, true);
            return commit;
        }
        Instant at = clock.instant();
        PersonIdent committer = ident(caller.user(), at);
        ChangeMerger.Authorship authorship = method == MergeMethod.SQUASH
                ? new ChangeMerger.Authorship(ident(accounts.user(changeRequest.authorId()).orElse(caller.user()), at),
                        committer, squashMessage(changeRequest))
                : new ChangeMerger.Authorship(committer, committer, "Merge change request #" + changeRequest.number()
                        + ": " + changeRequest.title() + "\n");
        ObjectId merged = merger.merge(project, head, commit, method == MergeMethod.SQUASH, authorship)
                .orElseThrow(() -> new ConflictException("Change request #" + changeRequest.number()
                        + " conflicts with '" + target + "': merge or rebase the target into it"));
        refs.update(project, caller, Constants.R_HEADS + target, head, merged, true);
        return merged;
    }

    private ChangeRequest finish(Caller caller, ChangeRequest changeRequest, Project project, MergeMethod method,
            ObjectId merged) {
        long number = changeRequest.number();
        changes.updateState(number, ChangeRequestState.MERGED, caller.user().id(), merged.name(), clock.instant());
        changes.insertEvent(number, caller.user().id(), "merged", method.key() + " into "
                + changeRequest.targetBranch() + ": " + merged.name(), clock.instant());
        events.publishEvent(new Notice(NoticeKind.STATE_CHANGE, number, project.id(), caller.user().id(),
                Set.of(changeRequest.authorId()), caller.name() + " merged change request #" + number + " of "
                        + project.name() + " into " + changeRequest.targetBranch(),
                changeRequest.path(), changeRequest.title()));
        return changes.find(number).orElseThrow();
    }

    private static MergeMethod method(String key, MergeGate gate) {
        if (key == null || key.isBlank()) {
            return gate.defaultMethod();
        }
        MergeMethod method = MergeMethod.ofKey(key);
        if (!gate.methods().contains(method)) {
            throw new InvalidInputException("'" + gate.branch() + "' does not allow merging by " + method.key()
                    + ": use " + MergeMethod.names(gate.methods()));
        }
        return method;
    }

    private static String squashMessage(ChangeRequest changeRequest) {
        String description = changeRequest.description().strip();
        return changeRequest.title() + "\n" + (description.isEmpty() ? "" : "\n" + description + "\n")
                + "\nChange request #" + changeRequest.number() + "\n";
    }

    private static PersonIdent ident(User user, Instant at) {
        return new PersonIdent(user.name(), user.email(), at, ZoneOffset.UTC);
    }
}
