package dev.assay.server.git;

import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.ReceivePackFactory;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;
import org.springframework.security.core.Authentication;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.Project;

/**
 * Says who may push: the credentials must allow pushing to the project (a password, or a token with the
 * push scope for it) and the user must be an owner, maintainer or administrator. A refusal becomes an
 * HTTP 403; JGit turns the exceptions into responses. What is pushed is checked by {@link PushChecks}.
 */
class PushPackFactory implements ReceivePackFactory<HttpServletRequest> {

    private final CallerResolver callers;
    private final PushAccess access;
    private final BranchProtection protection;
    private final PushRecorder recorder;
    private final PushChecks checks;

    PushPackFactory(CallerResolver callers, PushAccess access, BranchProtection protection, PushRecorder recorder,
            PushChecks checks) {
        this.callers = callers;
        this.access = access;
        this.protection = protection;
        this.recorder = recorder;
        this.checks = checks;
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
        pack.setPreReceiveHook(new ProtectedBranchHook(protection, project.id()));
        pack.setPostReceiveHook((receivePack, updated) -> recorder.record(project, caller, updated));
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
