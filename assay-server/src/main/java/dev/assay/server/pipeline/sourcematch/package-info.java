/**
 * Built from its source? A release's uploaded sdists and wheels compared with the tree of the commit its version is
 * tagged at: the verdict per file, the files the archives hold that the tagged tree does not, and the release page's
 * badge and REST view of them.
 */
package dev.assay.server.pipeline.sourcematch;
