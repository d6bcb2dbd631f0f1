package dev.assay.server.index;

import java.time.Instant;
import java.util.Optional;

/** A distribution file (wheel or sdist) of a release, with its digests and upload facts. */
public record DistributionFile(long id, long releaseId, String filename, String packageType, String pythonVersion,
        Optional<String> requiresPython, long size, String sha256, String md5, String blake2b256,
        Optional<String> metadataSha256, Instant uploadedAt, Optional<String> uploader) {

    /** Whether the file's core metadata is served on its own at {@code <file URL>.metadata}. */
    public boolean hasMetadataFile() {
        return metadataSha256.isPresent();
    }
}
