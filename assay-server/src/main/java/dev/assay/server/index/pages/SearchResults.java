package dev.assay.server.index.pages;

import java.util.List;

/** One page of search hits, and whether a page comes before or after it. */
public record SearchResults(String query, int page, List<ProjectHit> hits, boolean hasNext) {

    /** Whether there is a page before this one. */
    public boolean hasPrevious() {
        return page > 1;
    }
}
