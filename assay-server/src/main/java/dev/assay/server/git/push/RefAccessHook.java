package dev.assay.server.git.push;

import java.util.Collection;

import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

import dev.assay.server.accounts.Caller;
import dev.assay.server.index.Project;

/**
 * Refuses, one command at a time, the refs the pusher may not push ({@link PushAccess} decides); git prints the
 * reason as {@code ! [remote rejected] main (pushing to main needs …)} and the other refs of the push go ahead.
 */
class RefAccessHook implements PreReceiveHook {

    private final PushAccess access;
    private final Caller caller;
    private final Project project;

    RefAccessHook(PushAccess access, Caller caller, Project project) {
        this.access = access;
        this.caller = caller;
        this.project = project;
    }

    @Override
    public void onPreReceive(ReceivePack pack, Collection<ReceiveCommand> commands) {
        for (ReceiveCommand command : commands) {
            if (command.getResult() == ReceiveCommand.Result.NOT_ATTEMPTED) {
                access.refusal(caller, project, command.getRefName()).ifPresent(
                        reason -> command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, reason));
            }
        }
    }
}
