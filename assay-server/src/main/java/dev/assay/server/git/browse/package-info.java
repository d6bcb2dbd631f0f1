/**
 * Browsing a project's bare git repository in the web UI: branches and tags, trees, files (rendered and
 * raw), the commit log, commits with their diffs, and compare between two refs. Read-only, over JGit; the
 * diffs themselves are built and shaped in {@code diff}.
 */
package dev.assay.server.git.browse;
