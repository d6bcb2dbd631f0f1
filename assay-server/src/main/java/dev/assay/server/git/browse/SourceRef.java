package dev.assay.server.git.browse;

/** A branch or tag on the overview page, with the commit it points at. */
public record SourceRef(String name, boolean isDefault, CommitInfo commit) {
}
