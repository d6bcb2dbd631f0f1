package dev.assay.server.git.browse.diff;

import java.util.Locale;

/** A line of a unified diff: a hunk header, context, an added or removed line, or a note such as "No newline". */
public record DiffLine(Kind kind, Integer oldNumber, Integer newNumber, String text) {

    /** The kind of line; the CSS class is its lower-case name. */
    public enum Kind { HUNK, CONTEXT, ADDED, REMOVED, NOTE }

    public String cssClass() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
