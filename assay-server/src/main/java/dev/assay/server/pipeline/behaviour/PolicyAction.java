package dev.assay.server.pipeline.behaviour;

import java.util.Arrays;
import java.util.Optional;

/** What a new behaviour of a kind does to its release: hold it for package review, warn, or nothing. */
public enum PolicyAction {
    HOLD("hold"),
    WARN("warn"),
    IGNORE("ignore");

    private final String key;

    PolicyAction(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The action with this key, if any. */
    public static Optional<PolicyAction> ofKey(String key) {
        return Arrays.stream(values()).filter(action -> action.key.equals(key)).findFirst();
    }
}
