package dev.assay.server.review.change;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.index.Reader;
import dev.assay.server.index.feeds.Activity;
import dev.assay.server.index.feeds.ActivitySource;

/** The change requests a person opened, for their activity feed. */
@Component
class ChangeActivity implements ActivitySource {

    private static final ChangeFilter OPENED_BY_LISTER = new ChangeFilter(Optional.empty(), Optional.empty(), true,
            false);

    private final ChangeRequestRepository changes;

    ChangeActivity(ChangeRequestRepository changes) {
        this.changes = changes;
    }

    @Override
    public List<Activity> activity(long personId, Reader reader, int limit) {
        return changes.list(reader, OPENED_BY_LISTER, personId, false, limit).stream()
                .map(change -> new Activity("Opened change request #" + change.number() + " of "
                        + change.projectName() + ": " + change.title(), change.path(),
                        "Into " + change.targetBranch() + ", " + change.state().key(), change.createdAt()))
                .toList();
    }
}
