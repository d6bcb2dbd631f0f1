package dev.assay.server.pipeline.plugins;

import java.time.Instant;

/** An administrator's decision about one task: on or off, by whom and when. */
public record TaskSwitch(String name, boolean enabled, String changedBy, Instant changedAt) {
}
