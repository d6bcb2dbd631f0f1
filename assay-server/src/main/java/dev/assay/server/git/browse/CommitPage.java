package dev.assay.server.git.browse;

import dev.assay.server.git.browse.diff.DiffView;

/** A commit with its full message, committer and diff against its first parent (or the empty tree). */
public record CommitPage(CommitInfo commit, String message, String committerName, String committerEmail,
        DiffView diff) {
}
