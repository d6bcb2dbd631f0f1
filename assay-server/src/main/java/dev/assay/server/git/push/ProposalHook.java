package dev.assay.server.git.push;

import java.util.Collection;
import java.util.Optional;

import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.assay.server.accounts.Caller;
import dev.assay.server.index.Project;

/**
 * The last pre-receive step: each command to {@code refs/for/<branch>} (or {@code refs/changes/<N>}) left standing
 * is handed to {@link ProposedChanges} and marked done, so JGit never stores the ref (git still shows
 * {@code * [new reference] HEAD -> refs/for/main}); the lines it returns reach the pusher as {@code remote: …}.
 */
class ProposalHook implements PreReceiveHook {

    private static final Logger LOG = LoggerFactory.getLogger(ProposalHook.class);

    private final Optional<ProposedChanges> proposals;
    private final Caller caller;
    private final Project project;
    private final String siteUrl;

    ProposalHook(Optional<ProposedChanges> proposals, Caller caller, Project project, String siteUrl) {
        this.proposals = proposals;
        this.caller = caller;
        this.project = project;
        this.siteUrl = siteUrl;
    }

    @Override
    public void onPreReceive(ReceivePack pack, Collection<ReceiveCommand> commands) {
        for (ReceiveCommand command : commands) {
            if (command.getResult() == ReceiveCommand.Result.NOT_ATTEMPTED
                    && PushAccess.isProposal(command.getRefName())) {
                ProposedChanges.Outcome outcome = propose(command);
                outcome.messages().forEach(pack::sendMessage);
                outcome.refusal().ifPresentOrElse(
                        reason -> command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, reason),
                        () -> command.setResult(ReceiveCommand.Result.OK));
            }
        }
    }

    private ProposedChanges.Outcome propose(ReceiveCommand command) {
        if (command.getType() != ReceiveCommand.Type.CREATE) {
            return ProposedChanges.Outcome.refused(command.getRefName() + " is never stored: push a commit to "
                    + "refs/for/<branch>");
        }
        if (proposals.isEmpty()) {
            return ProposedChanges.Outcome.refused("this server takes no change requests");
        }
        String refName = command.getRefName();
        try {
            return refName.startsWith(PushAccess.REFS_FOR)
                    ? proposals.get().propose(project, caller, refName.substring(PushAccess.REFS_FOR.length()),
                            command.getNewId(), siteUrl)
                    : proposals.get().revise(project, caller, PushAccess.changeNumber(refName).orElseThrow(),
                            command.getNewId(), siteUrl);
        } catch (RuntimeException failure) {
            // the other refs of the push go ahead; this one is refused and the log says why
            LOG.error("push by {} to {} of {}: the proposal failed", caller.name(), command.getRefName(),
                    project.normalizedName(), failure);
            return ProposedChanges.Outcome.refused("internal error: the change request was not saved, try again");
        }
    }
}
