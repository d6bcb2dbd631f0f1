package dev.assay.server.review.thread;

import java.util.Locale;

/**
 * Where a thread shows in the view of one iteration: {@code line} is set when it shows at a line of its file
 * (as written, or ported); {@code outdated} when its line changed or its file is gone since it was written.
 */
public record Placement(State state, Integer line) {

    /** How the thread relates to the iteration viewed. */
    public enum State {
        /** A general comment: shown with every iteration. */
        GENERAL,
        /** Written on this iteration, shown at its line. */
        AS_WRITTEN,
        /** Written on an earlier iteration; its line is unchanged and shown at its line here. */
        PORTED,
        /** Written on an earlier iteration on a line that changed since, or in a file that is gone. */
        OUTDATED,
        /** Written on an earlier iteration and resolved: resolved threads are not carried forward. */
        RESOLVED_EARLIER,
        /** Written on a later iteration: not part of this one. */
        LATER;

        /** The state's name as sent: {@code as-written}, {@code ported}, … */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Whether the thread is outdated in this view. */
    public boolean outdated() {
        return state == State.OUTDATED;
    }
}
