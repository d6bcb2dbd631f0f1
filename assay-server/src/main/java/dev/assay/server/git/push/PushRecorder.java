package dev.assay.server.git.push;

import java.util.Collection;
import java.util.List;

import org.eclipse.jgit.transport.ReceiveCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import dev.assay.server.accounts.Caller;
import dev.assay.server.index.Project;

/**
 * The post-receive step of every push: records the updated refs as push events (one transaction), then
 * wakes the dispatcher; the subscribers run later, never inside the push. A {@code refs/for/…} or
 * {@code refs/changes/<N>} command moved no ref (it proposed a change request, whose revision ref the server
 * announces itself) and is no event.
 */
@Component
@ConditionalOnWebApplication
public class PushRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(PushRecorder.class);

    private final PushEvents events;
    private final PushEventDispatcher dispatcher;

    PushRecorder(PushEvents events, PushEventDispatcher dispatcher) {
        this.events = events;
        this.dispatcher = dispatcher;
    }

    void record(Project project, Caller caller, Collection<ReceiveCommand> updated) {
        List<ReceiveCommand> accepted = updated.stream()
                .filter(command -> command.getResult() == ReceiveCommand.Result.OK)
                .filter(command -> !PushAccess.isProposal(command.getRefName())).toList();
        if (accepted.isEmpty()) {
            return;
        }
        try {
            events.record(project, caller, accepted);
        } catch (RuntimeException failure) {
            // the refs already moved and the client's push succeeded: say loudly what was not recorded
            LOG.error("push by {} to {} updated {} but its events could not be recorded", caller.name(),
                    project.normalizedName(), accepted.stream().map(ReceiveCommand::getRefName).toList(), failure);
            return;
        }
        dispatcher.wake();
    }
}
