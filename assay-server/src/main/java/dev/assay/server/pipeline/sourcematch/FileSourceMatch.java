package dev.assay.server.pipeline.sourcematch;

import java.util.List;

/**
 * One uploaded file against the tagged tree.
 *
 * @param filename    the distribution file's name
 * @param packageType {@code sdist} or {@code bdist_wheel}
 * @param verdict     {@link SourceVerdict#MATCHES_THE_SOURCE} or {@link SourceVerdict#DIFFERS}
 * @param matched     how many of its files are the tagged tree's, byte for byte
 * @param generated   its files the build backend writes (metadata), accepted without a counterpart in the tree
 * @param differences its files that are not the tagged tree's (or, once rebuilt, not the rebuild's), by path
 * @param rebuild     how it compares with the file the {@code rebuild} task built from the tagged commit:
 *                    {@code byte-identical}, {@code same contents}, {@code other contents}, or why there is none
 */
public record FileSourceMatch(String filename, String packageType, SourceVerdict verdict, int matched,
        List<String> generated, List<SourceDifference> differences, String rebuild) {

    static final String NOT_REBUILT = "not rebuilt yet: its release's pipeline has not rebuilt it from the tag";
}
