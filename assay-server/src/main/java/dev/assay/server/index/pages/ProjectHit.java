package dev.assay.server.index.pages;

/** A project found by a search. */
public record ProjectHit(String name, String normalizedName, String summary) {
}
