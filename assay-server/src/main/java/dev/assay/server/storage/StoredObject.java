package dev.assay.server.storage;

import java.time.Instant;

/** An object in the bucket: its name under the configured prefix and when it was written. */
public record StoredObject(String name, Instant written) {
}
