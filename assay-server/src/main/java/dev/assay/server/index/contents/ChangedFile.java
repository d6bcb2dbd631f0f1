package dev.assay.server.index.contents;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.assay.server.git.browse.diff.DiffLine;

/**
 * One logical path that differs between two releases: added, removed or changed, with the entry on each side
 * (size and SHA-256 for binaries), and for text the unified diff with old and new line numbers.
 *
 * @param textDiff  whether {@code lines} is a text diff (both sides text, or the one side there is text)
 * @param truncated whether lines were left out because the diff is too large to show in full
 */
public record ChangedFile(String path, Change change, Optional<ContentEntry> oldEntry, Optional<ContentEntry> newEntry,
        boolean textDiff, List<DiffLine> lines, int added, int removed, boolean truncated) {

    /** What happened to the path. */
    public enum Change {
        ADDED, REMOVED, CHANGED;

        /** Lower case, for pages and CSS. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The element id of this file's section, stable for a path: {@code diff-<hex>}. */
    public String anchor() {
        return "diff-" + Integer.toHexString(path.hashCode());
    }

    /** The element id of a line's old-side number, {@code <anchor>-old-<n>}, or null when it has none. */
    public String oldId(DiffLine line) {
        return line.oldNumber() == null ? null : anchor() + "-old-" + line.oldNumber();
    }

    /** The element id of a line's new-side number, {@code <anchor>-new-<n>}, or null when it has none. */
    public String newId(DiffLine line) {
        return line.newNumber() == null ? null : anchor() + "-new-" + line.newNumber();
    }
}
