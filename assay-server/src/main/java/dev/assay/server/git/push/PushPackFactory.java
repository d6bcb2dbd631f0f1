package dev.assay.server.git.push;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PreReceiveHookChain;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.ReceivePackFactory;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;
import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.git.ProjectRepositoryResolver;
import dev.assay.server.git.maintenance.GitMaintenance;
import dev.assay.server.git.protection.BranchProtection;
import dev.assay.server.index.Project;

/**
 * Makes the receive-pack of a push: the credentials must allow pushing to the project (a password, or a token
 * with the push scope for it) of one who may read it, else an HTTP 403 (JGit turns the exceptions into
 * responses). What is pushed is checked by {@link PushChecks}; then, before any ref moves, each ref the pusher may
 * not push is refused ({@link PushAccess}), branch protection applies, and {@code refs/for/<branch>} proposes a
 * change request ({@link ProposedChanges}); the refs that moved are recorded as push events, and the repository
 * is repacked in the background ({@link GitMaintenance}).
 */
public class PushPackFactory implements ReceivePackFactory<HttpServletRequest> {

    private final CallerResolver callers;
    private final PushAccess access;
    private final BranchProtection protection;
    private final PushRecorder recorder;
    private final PushChecks checks;
    private final Optional<ProposedChanges> proposals;
    private final PushSite site;
    private final GitMaintenance maintenance;

    public PushPackFactory(CallerResolver callers, PushAccess access, BranchProtection protection, PushRecorder recorder,
            PushChecks checks, Optional<ProposedChanges> proposals, PushSite site, GitMaintenance maintenance) {
        this.callers = callers;
        this.access = access;
        this.protection = protection;
        this.recorder = recorder;
        this.checks = checks;
        this.proposals = proposals;
        this.site = site;
        this.maintenance = maintenance;
    }

    @Override
    public ReceivePack create(HttpServletRequest request, Repository repository)
            throws ServiceNotEnabledException, ServiceNotAuthorizedException {
        Authentication authentication = request.getUserPrincipal() instanceof Authentication presented
                ? presented : null;
        Caller caller = callers.caller(authentication).orElseThrow(ServiceNotAuthorizedException::new);
        Project project = (Project) request.getAttribute(ProjectRepositoryResolver.PROJECT_ATTRIBUTE);
        checkMayPush(caller, project);

        ReceivePack pack = checks.receivePack(repository, project.normalizedName());
        pack.setRefLogIdent(new PersonIdent(caller.name(), caller.user().email()));
        pack.setAllowCreates(true);
        pack.setAllowDeletes(true);
        pack.setAllowNonFastForwards(true);
        pack.setAtomic(false);
        String siteUrl = site.or(ServletUriComponentsBuilder.fromContextPath(request).toUriString());
        pack.setPreReceiveHook(PreReceiveHookChain.newChain(List.of(new RefAccessHook(access, caller, project),
                new ProtectedBranchHook(protection, project.id()),
                new ProposalHook(proposals, caller, project, siteUrl))));
        pack.setPostReceiveHook((receivePack, updated) -> {
            recorder.record(project, caller, updated);
            maintenance.schedule(project.normalizedName());
        });
        return pack;
    }

    private void checkMayPush(Caller caller, Project project) throws ServiceNotEnabledException {
        // PushRefusalFilter answered the same question before, with a message git shows; this is the backstop
        var refusal = access.refusal(caller, project);
        if (refusal.isPresent()) {
            throw new ServiceNotEnabledException(refusal.get());
        }
    }
}
