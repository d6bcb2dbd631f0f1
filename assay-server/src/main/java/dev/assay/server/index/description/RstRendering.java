package dev.assay.server.index.description;

import java.util.Optional;

/**
 * A release's reStructuredText description as its pipeline rendered it: {@code html} sanitised by the server, or
 * empty when docutils refused the text, with the {@code problem} it reported.
 */
public record RstRendering(long releaseId, String descriptionSha256, Optional<String> html, Optional<String> problem) {
}
