package dev.assay.server.pipeline.behaviour;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/** The behaviour policy of a project: its own choice per kind, the administrator's default for the rest. */
@Service
public class BehaviourPolicies {

    private final BehaviourRepository repository;
    private final BehaviourSettings settings;
    private final ProjectService projects;

    BehaviourPolicies(BehaviourRepository repository, BehaviourSettings settings, ProjectService projects) {
        this.repository = repository;
        this.settings = settings;
        this.projects = projects;
    }

    /** The action that applies to each kind for the project. */
    public Map<BehaviourKind, PolicyAction> of(Project project) {
        Map<BehaviourKind, PolicyAction> policy = new EnumMap<>(settings.defaults());
        repository.policy(project.id()).forEach((kind, action) -> BehaviourKind.ofKey(kind)
                .ifPresent(known -> policy.put(known, PolicyAction.ofKey(action).orElse(PolicyAction.WARN))));
        return policy;
    }

    /** The policy by kind key, as sent. */
    public Map<String, String> keys(Project project) {
        Map<String, String> keys = new LinkedHashMap<>();
        of(project).forEach((kind, action) -> keys.put(kind.key(), action.key()));
        return keys;
    }

    /** The project whose policy the caller may change: those who may not manage its releases are refused. */
    @Transactional(readOnly = true)
    public Project forSettings(Caller caller, String name) {
        Project project = projects.project(name);
        projects.checkMayManage(caller, project);
        return project;
    }

    /**
     * Sets the project's action for the given kinds (key → hold, warn or ignore), as one who may manage its releases;
     * an unknown kind or action changes nothing and is a 400.
     */
    @Transactional
    public Map<String, String> change(Caller caller, String name, Map<String, String> changes) {
        Project project = projects.project(name);
        projects.checkMayManage(caller, project);
        if (changes == null || changes.isEmpty()) {
            throw new InvalidInputException("Send the actions to set by kind, e.g. {\"network\": \"hold\"}; kinds are "
                    + "network, program, file-write, env, native-lib");
        }
        changes.forEach((kind, action) -> {
            if (BehaviourKind.ofKey(kind).isEmpty()) {
                throw new InvalidInputException("'" + kind + "' is not a kind of behaviour: use network, program, "
                        + "file-write, env or native-lib");
            }
            if (action == null || PolicyAction.ofKey(action).isEmpty()) {
                throw new InvalidInputException("'" + action + "' is not an action for " + kind + ": use hold, warn "
                        + "or ignore");
            }
        });
        changes.forEach((kind, action) -> repository.setPolicy(project.id(), kind, action));
        return keys(project);
    }
}
