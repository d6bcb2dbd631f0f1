package dev.assay.server.git.protection;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/**
 * Which branches of a project refuse force-pushes and deletion, and which of them take changes only through
 * change requests (every push to them refused); {@code main} and {@code master} are protected in every new
 * project, and owners change the list.
 */
@Service
public class BranchProtection {

    /** The branches a new project protects. */
    static final List<String> DEFAULTS = List.of("main", "master");

    private final ProtectedBranchRepository branches;
    private final ProjectService projects;

    BranchProtection(ProtectedBranchRepository branches, ProjectService projects) {
        this.branches = branches;
        this.projects = projects;
    }

    /** The protected branches of the project, by name, and those of them that take only change requests. */
    @Transactional(readOnly = true)
    public ProtectedBranches list(String projectName) {
        long projectId = projects.project(projectName).id();
        return new ProtectedBranches(branches.list(projectId), branches.changesOnly(projectId));
    }

    /** Whether the branch (short name, e.g. {@code main}) is protected in the project. */
    public boolean isProtected(long projectId, String branch) {
        return branches.isProtected(projectId, branch);
    }

    /** Whether every push to the branch is refused: it takes changes only through change requests. */
    public boolean isChangesOnly(long projectId, String branch) {
        return branches.isChangesOnly(projectId, branch);
    }

    /**
     * Replaces the project's protected branches and those of them that take only change requests (a subset;
     * null: none); owners and administrators only.
     */
    @Transactional
    public ProtectedBranches replace(Caller caller, String projectName, Collection<String> requested,
            Collection<String> requestedChangesOnly) {
        Project project = projects.project(projectName);
        checkOwner(caller, project);
        if (requested == null) {
            throw new InvalidInputException("Missing branches: send {\"branches\": [\"main\", …]}, "
                    + "an empty list to protect none");
        }
        TreeSet<String> valid = validNames(requested);
        TreeSet<String> changesOnly = validNames(requestedChangesOnly == null ? List.of() : requestedChangesOnly);
        TreeSet<String> unprotected = new TreeSet<>(changesOnly);
        unprotected.removeAll(valid);
        if (!unprotected.isEmpty()) {
            throw new InvalidInputException("changesOnly names " + unprotected + ", which is not in branches: "
                    + "only a protected branch takes changes only through change requests, add it to branches");
        }
        branches.replace(project.id(), valid, changesOnly);
        return new ProtectedBranches(List.copyOf(valid), List.copyOf(changesOnly));
    }

    /** Protects the default branches of a project just created (inside its transaction). */
    public void protectDefaults(long projectId) {
        if (branches.list(projectId).isEmpty()) {
            branches.replace(projectId, DEFAULTS, List.of());
        }
    }

    private void checkOwner(Caller caller, Project project) {
        projects.checkOwner(caller, project, TokenScope.PUSH, "Changing the protected branches");
    }

    private static TreeSet<String> validNames(Collection<String> requested) {
        TreeSet<String> valid = new TreeSet<>();
        for (String branch : requested) {
            valid.add(validName(branch));
        }
        return valid;
    }

    private static String validName(String branch) {
        String name = branch == null ? "" : branch.strip();
        if (name.startsWith(Constants.R_HEADS)) {
            name = name.substring(Constants.R_HEADS.length());
        }
        if (name.isEmpty() || name.length() > 255 || !Repository.isValidRefName(Constants.R_HEADS + name)) {
            throw new InvalidInputException("'" + branch + "' is not a valid branch name: use a name git accepts, "
                    + "e.g. main or release/1.x");
        }
        return name;
    }
}
