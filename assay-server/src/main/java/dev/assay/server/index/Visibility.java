package dev.assay.server.index;

import java.util.Locale;

import dev.assay.server.error.InvalidInputException;

/** Who may read a project: everyone, or only the users holding a role on it and administrators. */
public enum Visibility {
    PUBLIC,
    PRIVATE;

    /** The visibility's name as stored and sent. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The visibility with this name, or an error listing the valid ones. */
    public static Visibility ofKey(String key) {
        String wanted = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        for (Visibility visibility : values()) {
            if (visibility.key().equals(wanted)) {
                return visibility;
            }
        }
        throw new InvalidInputException("'" + key + "' is not a visibility; use public or private");
    }
}
