package dev.assay.server.pipeline.sourcematch;

/**
 * One difference between an uploaded file and the tagged tree.
 *
 * @param path   the path inside the archive, without an sdist's top folder or a wheel's tag (as the tree names it)
 * @param reason why it counts, e.g. {@code not in the tagged tree}
 */
public record SourceDifference(String path, String reason) {

    static final String NOT_IN_TREE = "not in the tagged tree";
    static final String CHANGED = "differs from the tagged tree";
    static final String LINK = "a link, which the tagged tree cannot hold";
    static final String UNREAD = "could not be read";
    static final String NOT_IN_REBUILD = "not in the rebuild from the tagged commit";
    static final String CHANGED_FROM_REBUILD = "differs from the rebuild from the tagged commit";
    static final String ONLY_IN_REBUILD = "in the rebuild from the tagged commit, not in the upload";
}
