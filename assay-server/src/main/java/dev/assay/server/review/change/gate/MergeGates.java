package dev.assay.server.review.change.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.git.protection.BranchProtection;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectRole;
import dev.assay.server.index.ProjectService;

/**
 * The merge gates of a project's branches: read by whoever may read the project, configured by its owners and
 * administrators; a branch nobody configured has the defaults (one approval, resolved threads, a green
 * pipeline, every method, votes reset by a new revision).
 */
@Service
public class MergeGates {

    /** A change to a gate; a missing field keeps the gate's current value. */
    public record GateChange(Integer requiredApprovals, Boolean requireResolved, Boolean requireGreen,
            List<String> methods, Boolean keepVotes) {
    }

    private final MergeGateRepository gates;
    private final ProjectService projects;
    private final BranchProtection protection;

    MergeGates(MergeGateRepository gates, ProjectService projects, BranchProtection protection) {
        this.gates = gates;
        this.projects = projects;
        this.protection = protection;
    }

    /** The gate of the project's branch, for callers that already checked the project may be read. */
    public MergeGate of(long projectId, String branch) {
        return gates.find(projectId, branch).orElseGet(() -> MergeGate.defaults(branch));
    }

    /** The gate of the branch of the named project, for whoever may read it. */
    @Transactional(readOnly = true)
    public MergeGate get(Optional<Caller> caller, String projectName, String branch) {
        Project project = projects.clientReadable(caller, projectName);
        return of(project.id(), branchName(branch));
    }

    /** The gates of the protected and of the configured branches, by branch; owners and administrators. */
    @Transactional(readOnly = true)
    public List<MergeGate> forSettings(Caller caller, String projectName) {
        Project project = projects.project(projectName);
        checkOwner(caller, project);
        Map<String, MergeGate> byBranch = new LinkedHashMap<>();
        protection.list(projectName).branches().forEach(branch -> byBranch.put(branch, of(project.id(), branch)));
        gates.list(project.id()).forEach(gate -> byBranch.put(gate.branch(), gate));
        return List.copyOf(byBranch.values());
    }

    /** Changes the gate of the branch; owners and administrators only; 400 for values out of range. */
    @Transactional
    public MergeGate put(Caller caller, String projectName, String branch, GateChange change) {
        Project project = projects.project(projectName);
        checkOwner(caller, project);
        String name = branchName(branch);
        if (change == null) {
            throw new InvalidInputException("Missing body: send {\"requiredApprovals\": 1, \"requireResolved\": true, "
                    + "\"requireGreen\": true, \"methods\": [\"merge\"], \"keepVotes\": false}");
        }
        MergeGate current = of(project.id(), name);
        int approvals = Optional.ofNullable(change.requiredApprovals()).orElse(current.requiredApprovals());
        if (approvals < 0 || approvals > MergeGate.MAX_APPROVALS) {
            throw new InvalidInputException("requiredApprovals must be 0 to " + MergeGate.MAX_APPROVALS + ", got "
                    + approvals);
        }
        MergeGate changed = new MergeGate(name, approvals,
                Optional.ofNullable(change.requireResolved()).orElse(current.requireResolved()),
                Optional.ofNullable(change.requireGreen()).orElse(current.requireGreen()),
                Optional.ofNullable(change.methods()).map(MergeGates::methods).orElse(current.methods()),
                Optional.ofNullable(change.keepVotes()).orElse(current.keepVotes()));
        gates.put(project.id(), changed);
        return of(project.id(), name);
    }

    /** Whether the caller may change the project's gates, for pages offering the forms only to those who may. */
    public boolean mayConfigure(Optional<Caller> caller, Project project) {
        return caller.filter(present -> present.credentialsAllow(TokenScope.PUSH, project.normalizedName())
                && (present.isAdmin() || projects.members(project).stream().anyMatch(member ->
                        member.userId() == present.user().id() && member.role() == ProjectRole.OWNER)))
                .isPresent();
    }

    private void checkOwner(Caller caller, Project project) {
        projects.checkOwner(caller, project, TokenScope.PUSH, "Configuring the merge gates");
    }

    private static List<MergeMethod> methods(List<String> keys) {
        List<MergeMethod> chosen = new ArrayList<>();
        for (String key : keys) {
            MergeMethod method = MergeMethod.ofKey(key);
            if (!chosen.contains(method)) {
                chosen.add(method);
            }
        }
        if (chosen.isEmpty()) {
            throw new InvalidInputException("methods must allow at least one of fast-forward, merge, squash");
        }
        chosen.sort(null);
        return List.copyOf(chosen);
    }

    static String branchName(String branch) {
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
