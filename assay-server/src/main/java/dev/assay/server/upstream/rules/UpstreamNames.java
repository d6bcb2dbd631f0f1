package dev.assay.server.upstream.rules;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.server.index.ProjectRepository;

/**
 * The one rule on which names come from upstream (dependency confusion): a hosted name never does, whatever its
 * visibility; a name a deny rule matches is reserved; when allow rules exist, only the names they match do.
 */
@Service
public class UpstreamNames {

    private final ProjectRepository projects;
    private final NameRuleRepository rules;

    UpstreamNames(ProjectRepository projects, NameRuleRepository rules) {
        this.projects = projects;
        this.rules = rules;
    }

    /** What may be done with a normalized name. */
    public NameDecision decide(String normalizedName) {
        if (projects.findByNormalizedName(normalizedName).isPresent()) {
            return new NameDecision(NameDecision.Verdict.HOSTED, Optional.empty());
        }
        List<NameRule> all = rules.list();
        Optional<NameRule> deny = all.stream()
                .filter(rule -> rule.action() == NameRule.Action.DENY && rule.matches(normalizedName)).findFirst();
        if (deny.isPresent()) {
            return new NameDecision(NameDecision.Verdict.RESERVED, deny);
        }
        List<NameRule> allows = all.stream().filter(rule -> rule.action() == NameRule.Action.ALLOW).toList();
        if (!allows.isEmpty() && allows.stream().noneMatch(rule -> rule.matches(normalizedName))) {
            return new NameDecision(NameDecision.Verdict.NOT_ALLOWED, Optional.empty());
        }
        return new NameDecision(NameDecision.Verdict.FROM_UPSTREAM, allows.stream()
                .filter(rule -> rule.matches(normalizedName)).findFirst());
    }
}
