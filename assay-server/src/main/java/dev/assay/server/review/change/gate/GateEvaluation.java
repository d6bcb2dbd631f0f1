package dev.assay.server.review.change.gate;

import java.util.List;

/**
 * A change request against its target's gate: whether it may merge now, each condition, the allowed methods (by
 * name) and the conflicting paths, if any.
 */
public record GateEvaluation(boolean mergeable, List<GateCondition> conditions, List<String> methods,
        List<String> conflicts) {

    /** The conditions not met. */
    public List<GateCondition> unmet() {
        return conditions.stream().filter(condition -> !condition.met()).toList();
    }
}
