package dev.assay.server.review.change.vote;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.ChangeRequestRepository;

/** Finds a change request and its project for one who may read them; anyone else gets the 404 of a missing one. */
@Component
public class ChangeLookup {

    /** A change request with its project. */
    public record Found(ChangeRequest changeRequest, Project project) {
    }

    private final ChangeRequestRepository changes;
    private final ProjectService projects;

    ChangeLookup(ChangeRequestRepository changes, ProjectService projects) {
        this.changes = changes;
        this.projects = projects;
    }

    /** Change request #{@code number}, if the caller may read its project. */
    public Found readable(Optional<Caller> caller, long number) {
        return changes.find(number)
                .flatMap(found -> projects.find(found.projectId())
                        .filter(project -> projects.mayRead(caller, project))
                        .map(project -> new Found(found, project)))
                .orElseThrow(() -> new NotFoundException("there is no change request #" + number));
    }

    /** Locks change request #{@code number} for the rest of the transaction and reads it again. */
    public ChangeRequest locked(long number) {
        changes.lock(number);
        return changes.find(number).orElseThrow(() -> new NotFoundException("there is no change request #" + number));
    }
}
