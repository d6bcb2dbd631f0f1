package dev.assay.server.index.pages;

import dev.assay.server.index.search.SearchHit;

/** A project found by a search, with its latest release's summary and version (empty while it has no release). */
public record ProjectHit(String name, String normalizedName, String summary, String latestVersion) {

    static ProjectHit of(SearchHit hit) {
        return new ProjectHit(hit.name(), hit.normalizedName(), hit.summary(), hit.version());
    }
}
