/**
 * The commit a release was built from: named by its upload ({@code source_commit}) or by a maintainer afterwards,
 * else the commit its version's tag names. The source match and the rebuild read a release's source from here.
 */
package dev.assay.server.pipeline.sourcecommit;
