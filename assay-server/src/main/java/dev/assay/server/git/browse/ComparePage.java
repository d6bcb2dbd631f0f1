package dev.assay.server.git.browse;

import java.util.List;

import dev.assay.server.git.browse.diff.DiffView;

/** The commits on {@code to} that {@code from} lacks, and the diff from their merge base to {@code to}. */
public record ComparePage(String from, String to, String baseId, List<CommitInfo> commits, boolean moreCommits,
        DiffView diff) {
}
