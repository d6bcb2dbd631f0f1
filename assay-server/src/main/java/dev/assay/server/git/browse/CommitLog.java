package dev.assay.server.git.browse;

import java.util.List;

/** One page of the history reachable from a ref, newest first. */
public record CommitLog(String ref, String refKind, int page, List<CommitInfo> commits, boolean hasNext) {

    public boolean hasPrevious() {
        return page > 1;
    }
}
