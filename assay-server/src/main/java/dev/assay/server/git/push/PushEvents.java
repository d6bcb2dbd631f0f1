package dev.assay.server.git.push;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.jgit.transport.ReceiveCommand;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.index.Project;
import dev.assay.server.logging.RequestIds;

/**
 * Records accepted pushes: one event per updated ref and one pending delivery per subscriber, all in one
 * transaction, so that an event is either recorded with everything owed for it or not at all.
 */
@Service
public class PushEvents {

    private final PushEventRepository events;
    private final ListableBeanFactory beans;
    private final Clock clock;

    PushEvents(PushEventRepository events, ListableBeanFactory beans, Clock clock) {
        this.events = events;
        this.beans = beans;
        this.clock = clock;
    }

    /** Records the refs a push updated; returns the events in the order of the commands. */
    @Transactional
    public List<Long> record(Project project, Caller caller, Collection<ReceiveCommand> updated) {
        String pushId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Set<String> subscribers = subscribers().keySet();
        return updated.stream().map(command -> {
            long id = events.insert(pushId, project.id(), caller.user().id(), caller.name(), command.getRefName(),
                    command.getOldId().name(), command.getNewId().name(), now, RequestIds.current().orElse(null));
            subscribers.forEach(subscriber -> events.insertDelivery(id, subscriber, now));
            return id;
        }).toList();
    }

    /** The project's latest push events, newest first. */
    @Transactional(readOnly = true)
    public List<PushEvent> recent(Project project, int limit) {
        return events.recent(project.id(), limit);
    }

    /** The subscribers by bean name, the name their deliveries are recorded under. */
    Map<String, PushEventListener> subscribers() {
        return beans.getBeansOfType(PushEventListener.class);
    }
}
