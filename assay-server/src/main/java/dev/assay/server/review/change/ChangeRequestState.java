package dev.assay.server.review.change;

import java.util.Arrays;
import java.util.Locale;

/** Where a change request stands: open (taking revisions, votes and comments), merged or closed. */
public enum ChangeRequestState {
    OPEN,
    MERGED,
    CLOSED;

    /** The state's name as stored and sent: {@code open}, {@code merged}, {@code closed}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state with this stored name. */
    public static ChangeRequestState ofKey(String key) {
        return Arrays.stream(values()).filter(state -> state.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown change request state in the database: " + key));
    }
}
