package dev.assay.server.git.browse;

import java.util.List;
import java.util.Map;

/**
 * A directory at a ref: the ref, the commit it names, the path (empty for the root), the entries, the last commit
 * of each entry by name ({@code lastCommitsComplete} is false when the history walk stopped before finding them
 * all) and the directory's README, or null.
 */
public record TreePage(String ref, String refKind, CommitInfo commit, String path, List<TreeItem> entries,
        Map<String, CommitInfo> lastCommits, boolean lastCommitsComplete, Readme readme) {
}
