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
 * @param differences its files that are not the tagged tree's, by path
 */
public record FileSourceMatch(String filename, String packageType, SourceVerdict verdict, int matched,
        List<String> generated, List<SourceDifference> differences) {
}
