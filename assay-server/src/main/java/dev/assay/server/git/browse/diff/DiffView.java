package dev.assay.server.git.browse.diff;

import java.util.List;

/** A whole diff: the files shown, totals, and how many files were left out because the diff is too large. */
public record DiffView(List<FileDiff> files, int added, int removed, int omittedFiles, boolean truncated) {
}
