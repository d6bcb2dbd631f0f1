package dev.assay.server.index.simple;

import java.time.Instant;
import java.util.Optional;

/** A distribution file as a project page lists it, with its release's yanked state (PEP 592). */
record ListedFile(String filename, String version, String sha256, long size, Optional<String> requiresPython,
        Optional<String> metadataSha256, Instant uploadedAt, boolean yanked, Optional<String> yankedReason) {

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
}
