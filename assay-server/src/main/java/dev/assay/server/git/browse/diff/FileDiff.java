package dev.assay.server.git.browse.diff;

import java.util.List;

/**
 * One file's change: paths, what happened to it, its added and removed line counts, and the lines to show
 * (possibly cut short; the counts are always complete for text files).
 */
public record FileDiff(String oldPath, String newPath, Change change, int similarity, Content content, int added,
        int removed, List<DiffLine> lines, boolean truncated) {

    /** What happened to the file. */
    public enum Change { ADDED, MODIFIED, DELETED, RENAMED, COPIED }

    /** Whether the diff could be shown. */
    public enum Content { TEXT, BINARY, LARGE }

    public String path() {
        return change == Change.DELETED ? oldPath : newPath;
    }

    public boolean isRename() {
        return change == Change.RENAMED || change == Change.COPIED;
    }

    /** The lines side by side, for the split view. */
    public List<SplitRow> splitRows() {
        return SplitRow.of(lines);
    }

    public String anchor() {
        return "diff-" + Integer.toHexString(path().hashCode());
    }
}
