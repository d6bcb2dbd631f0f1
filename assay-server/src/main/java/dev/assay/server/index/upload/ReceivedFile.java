package dev.assay.server.index.upload;

import java.nio.file.Path;

/** An uploaded file written to a temporary place, with its size and digests as computed while writing. */
record ReceivedFile(Path path, long size, String sha256, String md5, String blake2b256) {
}
