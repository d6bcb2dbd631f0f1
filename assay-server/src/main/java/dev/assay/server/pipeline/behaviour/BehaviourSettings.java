package dev.assay.server.pipeline.behaviour;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator's default behaviour policy ({@code assay.behaviour.policy.<kind>=hold|warn|ignore}), used for
 * every kind a project did not set: unless configured, a new network attempt holds and anything else warns.
 */
@ConfigurationProperties("assay.behaviour")
public record BehaviourSettings(Map<String, String> policy) {

    public BehaviourSettings {
        policy = policy == null ? Map.of() : Map.copyOf(policy);
        policy.forEach((kind, action) -> {
            if (BehaviourKind.ofKey(kind).isEmpty() || PolicyAction.ofKey(action).isEmpty()) {
                throw new IllegalArgumentException("assay.behaviour.policy." + kind + "=" + action + " is not a "
                        + "policy: kinds are network, program, file-write, env, native-lib; actions hold, warn, ignore");
            }
        });
    }

    /** The default action for every kind. */
    public Map<BehaviourKind, PolicyAction> defaults() {
        Map<BehaviourKind, PolicyAction> defaults = new EnumMap<>(BehaviourKind.class);
        for (BehaviourKind kind : BehaviourKind.values()) {
            String configured = policy.get(kind.key());
            defaults.put(kind, configured != null ? PolicyAction.ofKey(configured).orElseThrow()
                    : kind == BehaviourKind.NETWORK ? PolicyAction.HOLD : PolicyAction.WARN);
        }
        return defaults;
    }
}
