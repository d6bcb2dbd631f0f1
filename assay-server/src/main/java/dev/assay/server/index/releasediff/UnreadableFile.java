package dev.assay.server.index.releasediff;

/** A distribution file of either release of a diff that cannot be read, and why: its paths are not compared. */
public record UnreadableFile(String version, String filename, String problem) {
}
