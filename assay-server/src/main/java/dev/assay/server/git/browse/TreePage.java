package dev.assay.server.git.browse;

import java.util.List;

/** A directory at a ref: the ref, the commit it names, the path (empty for the root) and the entries. */
public record TreePage(String ref, String refKind, CommitInfo commit, String path, List<TreeItem> entries) {
}
