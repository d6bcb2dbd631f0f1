package dev.assay.server.git.browse;

import java.util.List;

/** The source overview: branches (the default one marked) and tags, newest tag first; empty before the first push. */
public record SourceOverview(String defaultBranch, List<SourceRef> branches, List<SourceRef> tags) {

    public boolean empty() {
        return branches.isEmpty() && tags.isEmpty();
    }
}
