package dev.assay.server.index.pages;

import java.util.List;

/** One page of {@code /explore}: the order, the page number (1 first), its projects and whether more follow. */
public record ExplorePage(ExploreSort sort, int page, List<ExploredProject> projects, boolean hasNext) {

    /** Whether there is a page before this one. */
    public boolean hasPrevious() {
        return page > 1;
    }
}
