package dev.assay.server.git.push;

import java.util.Collection;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

import dev.assay.server.git.protection.BranchProtection;

/**
 * Refuses force-pushes and deletion of a protected branch, and any push at all to one that takes changes only
 * through change requests, before any ref moves; git prints the reason as
 * {@code ! [remote rejected] main (protected branch: …)}. Other refs of the same push go ahead.
 */
class ProtectedBranchHook implements PreReceiveHook {

    private final BranchProtection protection;
    private final long projectId;

    ProtectedBranchHook(BranchProtection protection, long projectId) {
        this.protection = protection;
        this.projectId = projectId;
    }

    @Override
    public void onPreReceive(ReceivePack pack, Collection<ReceiveCommand> commands) {
        for (ReceiveCommand command : commands) {
            String refName = command.getRefName();
            if (command.getResult() != ReceiveCommand.Result.NOT_ATTEMPTED || !refName.startsWith(Constants.R_HEADS)) {
                continue;
            }
            String branch = refName.substring(Constants.R_HEADS.length());
            String refusal = switch (command.getType()) {
                case DELETE -> "protected branch: deleting it is not allowed";
                case UPDATE_NONFASTFORWARD -> "protected branch: force-pushing to it is not allowed, "
                        + "merge or rebase onto it instead";
                default -> null;
            };
            if (command.getType() != ReceiveCommand.Type.DELETE && protection.isChangesOnly(projectId, branch)) {
                refusal = "protected branch: changes reach " + branch + " only through change requests: "
                        + "git push origin HEAD:refs/for/" + branch;
            } else if (refusal != null && !protection.isProtected(projectId, branch)) {
                refusal = null;
            }
            if (refusal != null) {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, refusal);
            }
        }
    }
}
