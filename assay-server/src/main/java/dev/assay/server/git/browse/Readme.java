package dev.assay.server.git.browse;

/** The README shown under a directory listing: its file name and path, and its HTML, already safe to insert. */
public record Readme(String name, String path, String html) {
}
