package dev.assay.server.git.push;

import java.util.Optional;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.springframework.stereotype.Component;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/**
 * Who may push what, the one place it is decided. A push needs credentials that allow it (a password, or a token
 * with the push scope for the project) of someone who may read the project. Owners, maintainers and
 * administrators then push any ref; every other reader pushes only {@code refs/for/<branch>} (proposing a change
 * request, which also needs credentials allowing review) and the branches under {@code refs/heads/users/<their
 * name>/}. Nobody pushes to {@code refs/changes/}, which the server keeps, but {@code refs/changes/<N>} proposes a
 * revision of change request N as {@code refs/for/} does. Branch protection comes on top.
 */
@Component
public class PushAccess {

    /** Where pushes propose change requests: {@code refs/for/<branch>}, never stored as a ref. */
    static final String REFS_FOR = "refs/for/";
    /** Where the server keeps the revisions of change requests. */
    static final String REFS_CHANGES = "refs/changes/";
    /** Where every user has branches of their own: {@code refs/heads/users/<name>/…}. */
    static final String USER_BRANCHES = Constants.R_HEADS + "users/";

    private final ProjectService projects;

    PushAccess(ProjectService projects) {
        this.projects = projects;
    }

    /**
     * Why the caller may not push to the project at all, or empty when they may push some refs; one who may not
     * read the project gets the 404 of a missing project.
     */
    Optional<String> refusal(Caller caller, Project project) {
        if (!caller.credentialsAllow(TokenScope.PUSH, project.normalizedName())) {
            return Optional.of("The API token does not allow pushing to project '" + project.name()
                    + "': use a token with the push scope for this project");
        }
        projects.checkMayRead(Optional.of(caller), project);
        return Optional.empty();
    }

    /**
     * Whether pushing the ref proposes a change (never stored): {@code refs/for/<branch>}, or {@code refs/changes/<N>}
     * (Gerrit's older way to add a revision to change request N).
     */
    static boolean isProposal(String refName) {
        return refName.startsWith(REFS_FOR) || changeNumber(refName).isPresent();
    }

    /** N of {@code refs/changes/<N>}, the only ref under refs/changes/ a push may name. */
    static Optional<Long> changeNumber(String refName) {
        String rest = refName.startsWith(REFS_CHANGES) ? refName.substring(REFS_CHANGES.length()) : "";
        if (rest.isEmpty() || rest.length() > 18 || !rest.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(rest));
    }

    /** Why the caller may not push this ref (a full name), or empty when they may; after {@link #refusal}. */
    Optional<String> refusal(Caller caller, Project project, String refName) {
        if (refName.startsWith(REFS_CHANGES) && !isProposal(refName)) {
            return Optional.of("refs/changes/ is kept by the server: push to refs/for/<branch>");
        }
        if (isProposal(refName)) {
            return caller.credentialsAllow(TokenScope.REVIEW, project.normalizedName()) ? Optional.empty()
                    : Optional.of("The API token does not allow proposing change requests to project '"
                            + project.name() + "': use a token with the push and review scopes for this project");
        }
        if (refName.startsWith(ownBranches(caller)) || projects.mayManage(Optional.of(caller), project)) {
            return Optional.empty();
        }
        String shortName = Repository.shortenRefName(refName);
        String proposal = refName.startsWith(Constants.R_HEADS) && !refName.startsWith(USER_BRANCHES)
                ? "push to refs/for/" + shortName + " to propose a change request, or to " : "push to ";
        return Optional.of("pushing to " + shortName + " needs the owner or maintainer role of project '"
                + project.name() + "': " + proposal + "users/" + caller.name() + "/...");
    }

    private static String ownBranches(Caller caller) {
        return USER_BRANCHES + caller.name() + "/";
    }
}
