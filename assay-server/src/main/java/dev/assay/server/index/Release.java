package dev.assay.server.index;

import java.time.Instant;
import java.util.Optional;

/** One version of a project; {@code metadata} is the core metadata text of its first file. */
public record Release(long id, long projectId, String version, String summary, Optional<String> requiresPython,
        String metadata, boolean yanked, Optional<String> yankedReason, Instant createdAt) {
}
