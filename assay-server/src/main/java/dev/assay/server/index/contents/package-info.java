/**
 * Reading a release's uploaded files for reviewers: every sdist and wheel listed under logical paths
 * ({@code sdist/...}, {@code wheel/<tag>/...}), one file's text with line numbers, and the diff of contents
 * between two releases; archives are only ever read through the safe archive reading of assay-packaging.
 */
package dev.assay.server.index.contents;
