package dev.assay.server.index.files;

import java.nio.file.Path;

import org.springframework.http.MediaType;

/** A file ready to stream: where it is, its type, and its SHA-256 (the strong ETag). */
record ServedFile(Path path, String filename, MediaType contentType, String sha256) {
}
