package dev.assay.server.review.releasegate;

import java.util.Optional;

/** What a project's release gate asks of a new release before it leaves review automatically. */
public enum GateMode {
    /** Nothing: a new release of a project that is not held is public at once. */
    OFF("off"),
    /** Every ordinary pipeline of the release passed. */
    CHECKS("checks"),
    /** As {@link #CHECKS}, and no dependent's re-test newly fails. */
    CHECKS_AND_DEPENDENTS("checks-and-dependents");

    /** The keys, for messages. */
    static final String KEYS = "off, checks or checks-and-dependents";

    private final String key;

    GateMode(String key) {
        this.key = key;
    }

    /** The mode as stored and sent. */
    public String key() {
        return key;
    }

    /** The mode with this key, if there is one. */
    public static Optional<GateMode> ofKey(String key) {
        for (GateMode mode : values()) {
            if (mode.key.equals(key)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
