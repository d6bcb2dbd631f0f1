package dev.assay.server.index.search;

/** A project a search found: its summary and version are its latest release's (empty version while it has none). */
public record SearchHit(String name, String normalizedName, String summary, String version) {
}
