package dev.assay.server.index.description;

/**
 * Where relative addresses in rendered Markdown point: links resolve against {@code linkBase}, images against
 * {@code imageBase}, both site paths ending in {@code /} (such as a repository directory's file and raw views).
 */
public record RelativeLinks(String linkBase, String imageBase) {
}
