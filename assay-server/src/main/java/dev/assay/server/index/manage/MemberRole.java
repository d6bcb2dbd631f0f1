package dev.assay.server.index.manage;

/** A user's role on a project, as the REST API shows it. */
record MemberRole(String user, String role) {
}
