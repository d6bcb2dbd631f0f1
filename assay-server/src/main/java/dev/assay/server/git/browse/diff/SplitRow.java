package dev.assay.server.git.browse.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a side-by-side diff: the old line on the left, the new one on the right (either may be missing);
 * hunk headers and notes fill both sides.
 */
public record SplitRow(DiffLine left, DiffLine right) {

    /** Whether the row is a hunk header or a note spanning both sides. */
    public boolean spanning() {
        return left != null && (left.kind() == DiffLine.Kind.HUNK || left.kind() == DiffLine.Kind.NOTE);
    }

    /** The rows of a unified diff's lines: runs of removed lines face the added lines that follow them. */
    public static List<SplitRow> of(List<DiffLine> lines) {
        List<SplitRow> rows = new ArrayList<>();
        List<DiffLine> removed = new ArrayList<>();
        List<DiffLine> added = new ArrayList<>();
        for (DiffLine line : lines) {
            switch (line.kind()) {
                case REMOVED -> {
                    if (!added.isEmpty()) {
                        flush(rows, removed, added);
                    }
                    removed.add(line);
                }
                case ADDED -> added.add(line);
                default -> {
                    flush(rows, removed, added);
                    rows.add(new SplitRow(line, line));
                }
            }
        }
        flush(rows, removed, added);
        return rows;
    }

    private static void flush(List<SplitRow> rows, List<DiffLine> removed, List<DiffLine> added) {
        for (int i = 0; i < Math.max(removed.size(), added.size()); i++) {
            rows.add(new SplitRow(i < removed.size() ? removed.get(i) : null, i < added.size() ? added.get(i) : null));
        }
        removed.clear();
        added.clear();
    }
}
