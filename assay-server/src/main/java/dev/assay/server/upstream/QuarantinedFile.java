package dev.assay.server.upstream;

import java.time.Instant;
import java.util.Optional;

/**
 * A file an upstream lists that its quarantine hides: its upload time there and the instant it leaves quarantine,
 * both empty when upstream gives no upload time (such a file stays hidden while the quarantine is on).
 */
public record QuarantinedFile(String filename, Optional<Instant> uploadTime, Optional<Instant> until) {

    /** Why the file is not served, for a 404: until when, or that upstream gives no upload time. */
    public String reason(int quarantineDays) {
        return until.map(end -> "quarantined until " + end + " (uploaded upstream " + uploadTime.orElseThrow()
                + ", the upstream's quarantine is " + quarantineDays + " days)")
                .orElse("quarantined while the upstream's quarantine of " + quarantineDays + " days is on, because "
                        + "upstream gives no upload time for it");
    }
}
