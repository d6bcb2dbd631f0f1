package dev.assay.server.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ConflictException;
import dev.assay.server.git.push.PushEventDispatcher;
import dev.assay.server.git.push.PushEvents;
import dev.assay.server.index.Project;

/**
 * Moves a ref of a project's repository on the server's own account (a merge, an edit made in the browser, a
 * change request's revision ref), only if it is still where the caller saw it; when asked, the move is recorded
 * as a push by the caller, so that push pipelines, mirrors and change requests hear of it as of any push.
 */
@Service
public class ServerRefUpdates {

    private final GitRepositories repositories;
    private final PushEvents events;
    private final ObjectProvider<PushEventDispatcher> dispatcher;

    ServerRefUpdates(GitRepositories repositories, PushEvents events, ObjectProvider<PushEventDispatcher> dispatcher) {
        this.repositories = repositories;
        this.events = events;
        this.dispatcher = dispatcher;
    }

    /**
     * Moves {@code refName} (a full name) from {@code expectedOld} (the zero id: it must not exist yet) to
     * {@code newId}, which must already be in the repository; a ref that moved meanwhile is a 409. With
     * {@code announce}, records a push event by the caller (in the caller's transaction, if any) and wakes the
     * subscribers once it commits.
     */
    public void update(Project project, Caller caller, String refName, ObjectId expectedOld, ObjectId newId,
            boolean announce) {
        try (Repository repository = repositories.open(project.normalizedName())) {
            RefUpdate update = repository.updateRef(refName);
            update.setExpectedOldObjectId(expectedOld);
            update.setNewObjectId(newId);
            update.setForceUpdate(true);
            update.setRefLogIdent(new PersonIdent(caller.name(), caller.user().email()));
            update.setRefLogMessage("assay: updated by " + caller.name(), false);
            RefUpdate.Result result = update.update();
            if (!accepted(result)) {
                throw new ConflictException("'" + shortName(refName) + "' moved meanwhile (" + result.name()
                        .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): reload and try again");
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot update " + refName + " in '" + project.normalizedName() + "'",
                    failure);
        }
        if (announce) {
            events.record(project, caller, List.of(new ReceiveCommand(expectedOld, newId, refName)));
            wakeAfterCommit();
        }
    }

    private static boolean accepted(RefUpdate.Result result) {
        return switch (result) {
            case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> true;
            default -> false;
        };
    }

    private void wakeAfterCommit() {
        PushEventDispatcher present = dispatcher.getIfAvailable();
        if (present == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    present.wake();
                }
            });
        } else {
            present.wake();
        }
    }

    private static String shortName(String refName) {
        return Repository.shortenRefName(refName);
    }
}
