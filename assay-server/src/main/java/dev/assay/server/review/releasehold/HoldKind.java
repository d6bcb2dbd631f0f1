package dev.assay.server.review.releasehold;

import com.fasterxml.jackson.annotation.JsonValue;

/** What holds a release: a new behaviour its project's policy holds, or the release gate waiting for its checks. */
public enum HoldKind {
    BEHAVIOUR("behaviour"),
    GATE("gate");

    private final String key;

    HoldKind(String key) {
        this.key = key;
    }

    /** The kind as stored and as the API names it. */
    @JsonValue
    public String key() {
        return key;
    }

    static HoldKind ofKey(String key) {
        for (HoldKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no hold kind " + key);
    }
}
