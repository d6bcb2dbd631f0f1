package dev.assay.server.review.change;

import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.assay.server.notify.Notice;
import dev.assay.server.notify.NoticeKind;

/** Tells the project's watchers of a new change request (its first revision) and of each later revision. */
@Component
class ChangeNotices {

    private final ApplicationEventPublisher events;

    ChangeNotices(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Runs in the transaction that added the revision, so the notice is stored with it or not at all. */
    @EventListener
    void revisionAdded(RevisionAdded added) {
        ChangeRequest change = added.changeRequest();
        boolean opened = added.revision().number() == 1;
        String headline = opened
                ? added.uploader().name() + " opened change request #" + change.number() + " of " + change.projectName()
                : added.uploader().name() + " added revision " + added.revision().number() + " to change request #"
                        + change.number() + " of " + change.projectName();
        events.publishEvent(new Notice(opened ? NoticeKind.STATE_CHANGE : NoticeKind.NEW_ITERATION, change.number(),
                change.projectId(), added.uploader().user().id(), opened ? Set.of() : Set.of(change.authorId()),
                headline, change.path(), change.title()));
    }
}
