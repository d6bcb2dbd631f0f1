package dev.assay.server.index.files;

import java.nio.file.Path;

/**
 * A file ready to stream: where it is, its name, its SHA-256 (the strong ETag), and whether shared caches may keep
 * it (not when its project is private).
 */
record ServedFile(Path path, String filename, String sha256, boolean shared) {
}
