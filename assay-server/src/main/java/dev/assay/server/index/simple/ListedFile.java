package dev.assay.server.index.simple;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A distribution file as a project page lists it, hosted here or listed by upstream: its hashes (hash name to hex;
 * a hosted file's SHA-256 always), size and upload time when known, the hashes of its PEP 658 metadata file when
 * one is offered (possibly none), and its release's yanked state (PEP 592).
 */
record ListedFile(String filename, String version, Map<String, String> hashes, Optional<Long> size,
        Optional<String> requiresPython, Optional<Map<String, String>> coreMetadata, Optional<Instant> uploadedAt,
        boolean yanked, Optional<String> yankedReason) {

    ListedFile {
        hashes = Map.copyOf(hashes);
        coreMetadata = coreMetadata.map(Map::copyOf);
    }

    /** A hosted file: everything is known, and its metadata file (when extracted) has a SHA-256. */
    static ListedFile hosted(String filename, String version, String sha256, long size, Optional<String> requiresPython,
            Optional<String> metadataSha256, Instant uploadedAt, boolean yanked, Optional<String> yankedReason) {
        return new ListedFile(filename, version, Map.of("sha256", sha256), Optional.of(size), requiresPython,
                metadataSha256.map(hash -> Map.of("sha256", hash)), Optional.of(uploadedAt), yanked, yankedReason);
    }

    Optional<String> sha256() {
        return Optional.ofNullable(hashes.get("sha256"));
    }

    /** The JSON {@code yanked} value: false, the reason, or true when yanked without one. */
    Object yankedValue() {
        if (!yanked) {
            return false;
        }
        return yankedReason.filter(reason -> !reason.isBlank()).<Object>map(reason -> reason).orElse(true);
    }

    /** The HTML {@code data-yanked} value: absent (null), the reason, or the empty string. */
    String yankedAttribute() {
        return yanked ? yankedReason.orElse("") : null;
    }

    /** The JSON {@code core-metadata} value (PEP 714): false, the metadata file's hashes, or true without any. */
    Object coreMetadataValue() {
        return coreMetadata.<Object>map(hashes -> hashes.isEmpty() ? Boolean.TRUE : hashes).orElse(false);
    }

    /** The HTML {@code data-core-metadata} value: absent (null), {@code name=hex} (SHA-256 first), or "true". */
    String coreMetadataAttribute() {
        return coreMetadata.map(hashes -> Optional.ofNullable(hashes.get("sha256")).map(hash -> "sha256=" + hash)
                .or(() -> hashes.entrySet().stream().findFirst().map(hash -> hash.getKey() + "=" + hash.getValue()))
                .orElse("true")).orElse(null);
    }
}
