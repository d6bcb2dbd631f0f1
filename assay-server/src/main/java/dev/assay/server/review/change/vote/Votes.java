package dev.assay.server.review.change.vote;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ConflictException;
import dev.assay.server.notify.Notice;
import dev.assay.server.notify.NoticeKind;
import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.ChangeRequestAccess;
import dev.assay.server.review.change.ChangeRequestRepository;
import dev.assay.server.review.change.Revision;

/**
 * Casts, replaces and withdraws votes on open change requests, each on the latest revision, recorded in the
 * timeline; a cast vote is told to the author and the watchers.
 */
@Service
public class Votes {

    private final VoteRepository votes;
    private final ChangeLookup lookup;
    private final ChangeRequestRepository changes;
    private final ChangeRequestAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Votes(VoteRepository votes, ChangeLookup lookup, ChangeRequestRepository changes, ChangeRequestAccess access,
            ApplicationEventPublisher events, Clock clock) {
        this.votes = votes;
        this.lookup = lookup;
        this.changes = changes;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** The votes on the change request, oldest first, for whoever may read it. */
    @Transactional(readOnly = true)
    public List<Vote> list(Optional<Caller> caller, long number) {
        lookup.readable(caller, number);
        return votes.list(number);
    }

    /** The votes on the change request, for callers that already checked it may be read. */
    public List<Vote> of(long number) {
        return votes.list(number);
    }

    /** Casts (or replaces) the caller's vote on the latest revision; 404, 403, 409 (not open), 400. */
    @Transactional
    public List<Vote> cast(Caller caller, long number, String value) {
        VoteValue vote = VoteValue.ofKey(value);
        ChangeRequest changeRequest = votable(caller, number);
        Revision latest = changes.latestRevision(number).orElseThrow();
        votes.put(number, caller.user().id(), vote, latest.number(), clock.instant());
        String verb = vote == VoteValue.APPROVE ? "approved" : "asked for work on";
        changes.insertEvent(number, caller.user().id(), "voted", vote.key() + " on revision " + latest.number(),
                clock.instant());
        events.publishEvent(new Notice(NoticeKind.VOTE, number, changeRequest.projectId(), caller.user().id(),
                Set.of(changeRequest.authorId()), caller.name() + " " + verb + " change request #" + number + " of "
                        + changeRequest.projectName() + " (revision " + latest.number() + ")",
                changeRequest.path(), ""));
        return votes.list(number);
    }

    /** Withdraws the caller's vote, if any; 404, 403, 409 (not open). */
    @Transactional
    public List<Vote> withdraw(Caller caller, long number) {
        votable(caller, number);
        if (votes.remove(number, caller.user().id())) {
            changes.insertEvent(number, caller.user().id(), "voted", "withdrawn", clock.instant());
        }
        return votes.list(number);
    }

    /**
     * Removes every vote after a new revision (inside the transaction adding it), recording a {@code vote-reset}
     * by the uploader when there were any; how many there were.
     */
    public int reset(ChangeRequest changeRequest, Revision revision, Caller uploader) {
        int removed = votes.removeAll(changeRequest.number());
        if (removed > 0) {
            changes.insertEvent(changeRequest.number(), uploader.user().id(), "vote-reset", "revision "
                    + revision.number() + " reset " + removed + (removed == 1 ? " vote" : " votes"), clock.instant());
        }
        return removed;
    }

    private ChangeRequest votable(Caller caller, long number) {
        ChangeLookup.Found found = lookup.readable(Optional.of(caller), number);
        access.checkMayVote(caller, found.project(), found.changeRequest());
        ChangeRequest changeRequest = lookup.locked(number);
        if (!changeRequest.isOpen()) {
            throw new ConflictException("Change request #" + number + " is " + changeRequest.state().key()
                    + ": votes are for open change requests");
        }
        return changeRequest;
    }
}
