package dev.assay.server.review.change;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.notify.Notice;
import dev.assay.server.notify.NoticeKind;
import dev.assay.server.review.DiscussionRepository;
import dev.assay.server.review.thread.ThreadService;

/** Reads, lists and changes change requests: title, description, closing and reopening, each on the timeline. */
@Service
public class ChangeRequestService {

    static final int LIST_LIMIT = 200;

    /** A change request and its project, both readable by the caller. */
    public record Located(ChangeRequest changeRequest, Project project) {
    }

    /** What a PATCH changes: any of the title, the description, the state ({@code open} or {@code closed}). */
    public record Edit(String title, String description, String state) {
    }

    private final ChangeRequestRepository changes;
    private final DiscussionRepository discussions;
    private final ChangeRequestAccess access;
    private final ProjectService projects;
    private final ThreadService threads;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChangeRequestService(ChangeRequestRepository changes, DiscussionRepository discussions, ChangeRequestAccess access,
            ProjectService projects, ThreadService threads, ApplicationEventPublisher events, Clock clock) {
        this.changes = changes;
        this.discussions = discussions;
        this.access = access;
        this.projects = projects;
        this.threads = threads;
        this.events = events;
        this.clock = clock;
    }

    /** Change request #number and its project; the 404 of a missing one when the caller may not read it. */
    public Located readable(Optional<Caller> caller, long number) {
        return changes.find(number)
                .flatMap(found -> projects.find(found.projectId()).filter(project -> projects.mayRead(caller, project))
                        .map(project -> new Located(found, project)))
                .orElseThrow(() -> new NotFoundException("there is no change request #" + number));
    }

    /** The API's view of change request #number. */
    public ChangeView view(Optional<Caller> caller, long number) {
        ChangeRequest change = readable(caller, number).changeRequest();
        return ChangeView.of(change, changes.revisions(number), threads.unresolvedCount(number));
    }

    /** Its revisions, oldest first. */
    public List<Revision> revisions(ChangeRequest changeRequest) {
        return changes.revisions(changeRequest.number());
    }

    /** Its timeline, oldest first. */
    public List<ChangeEvent> timeline(ChangeRequest changeRequest) {
        return changes.events(changeRequest.number());
    }

    /** How many change requests of the project are open. */
    public long openCount(Project project) {
        return changes.countOpen(project.id());
    }

    /** The change requests the caller may read that pass the filter, newest first; personal filters need a caller. */
    public List<ChangeSummary> list(Optional<Caller> caller, ChangeFilter filter) {
        if (filter.personal() && caller.isEmpty()) {
            return List.of();
        }
        List<ChangeRequest> found = changes.list(projects.reader(caller), filter,
                caller.map(present -> present.user().id()).orElse(-1L), caller.filter(Caller::isAdmin).isPresent(),
                LIST_LIMIT);
        Map<Long, Long> unresolved = threads.unresolvedCounts(found.stream().map(ChangeRequest::number).toList());
        return found.stream().map(change -> ChangeSummary.of(change, unresolved.getOrDefault(change.number(), 0L)))
                .toList();
    }

    /** Applies an edit: title and description, then the state; each change is a timeline event. */
    @Transactional
    public ChangeRequest edit(Caller caller, long number, Edit edit) {
        Located located = readable(Optional.of(caller), number);
        changes.lock(number);
        ChangeRequest change = changes.find(number).orElseThrow();
        Project project = located.project();
        if (edit.title() == null && edit.description() == null && edit.state() == null) {
            throw new InvalidInputException("Nothing to change: send title, description or state");
        }
        access.checkMayChange(caller, project, change, "Editing");
        if (edit.title() != null || edit.description() != null) {
            retitle(caller, change, edit);
        }
        if (edit.state() != null) {
            changeState(caller, project, changes.find(number).orElseThrow(), edit.state());
        }
        return changes.find(number).orElseThrow();
    }

    private void retitle(Caller caller, ChangeRequest change, Edit edit) {
        if (edit.title() != null) {
            String title = ChangeRequests.title(edit.title());
            if (!title.equals(change.title())) {
                discussions.retitle(change.number(), title);
                changes.insertEvent(change.number(), caller.user().id(), "edited", "title: " + title, clock.instant());
            }
        }
        if (edit.description() != null) {
            String description = ChangeRequests.description(edit.description());
            if (!description.equals(change.description())) {
                changes.insertEvent(change.number(), caller.user().id(), "edited", "description", clock.instant());
            }
            changes.updateDescription(change.number(), description, clock.instant());
        }
        changes.touch(change.number(), clock.instant());
    }

    private void changeState(Caller caller, Project project, ChangeRequest change, String state) {
        switch (state.strip()) {
            case "closed" -> close(caller, project, change);
            case "open" -> reopen(caller, project, change);
            default -> throw new InvalidInputException("state must be 'closed' or 'open'; merging is done with "
                    + "POST /api/v1/changes/" + change.number() + "/merge");
        }
    }

    private void close(Caller caller, Project project, ChangeRequest change) {
        if (change.state() == ChangeRequestState.CLOSED) {
            return;
        }
        if (change.state() == ChangeRequestState.MERGED) {
            throw new ConflictException("Change request #" + change.number() + " is merged: it cannot be closed");
        }
        changes.updateState(change.number(), ChangeRequestState.CLOSED, caller.user().id(), null, clock.instant());
        changes.insertEvent(change.number(), caller.user().id(), "closed", "", clock.instant());
        publish(caller, project, change, "closed");
    }

    private void reopen(Caller caller, Project project, ChangeRequest change) {
        if (change.state() == ChangeRequestState.OPEN) {
            return;
        }
        if (change.state() == ChangeRequestState.MERGED) {
            throw new ConflictException("Change request #" + change.number() + " is merged: it cannot be reopened");
        }
        change.sourceBranch().ifPresent(source -> changes.openFromBranch(change.projectId(), source).stream()
                .filter(open -> open.targetBranch().equals(change.targetBranch())).findFirst().ifPresent(open -> {
                    throw new ConflictException("Change request #" + open.number() + " already proposes branch '"
                            + source + "' for '" + change.targetBranch() + "': it cannot be reopened beside it");
                }));
        changes.updateState(change.number(), ChangeRequestState.OPEN, null, null, clock.instant());
        changes.insertEvent(change.number(), caller.user().id(), "reopened", "", clock.instant());
        publish(caller, project, change, "reopened");
    }

    private void publish(Caller caller, Project project, ChangeRequest change, String verb) {
        events.publishEvent(new Notice(NoticeKind.STATE_CHANGE, change.number(), project.id(), caller.user().id(),
                Set.of(change.authorId()), caller.name() + " " + verb + " change request #" + change.number() + " of "
                        + project.name(), change.path(), change.title()));
    }
}
