package dev.assay.server.index.manage;

/** A release's yank state, as the REST API answers after a change. */
record ReleaseState(String project, String version, boolean yanked, String yankedReason) {
}
