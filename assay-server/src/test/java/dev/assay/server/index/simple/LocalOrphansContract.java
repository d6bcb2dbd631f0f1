package dev.assay.server.index.simple;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.assay.server.testing.Eventually;

/**
 * The default storage under {@code DATA/files}: a file that an upload killed before its commit left there is never
 * served and is moved to {@code DATA/lost+found} by the comparison at start.
 */
abstract class LocalOrphansContract extends IndexFixture {

    private static final String ORPHAN = "orphaned-1.0-py3-none-any.whl";

    @Override
    Map<String, Object> serverProperties() {
        try {
            Path project = Files.createDirectories(data.resolve("files").resolve("orphaned"));
            Files.writeString(project.resolve(ORPHAN), "not committed");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return Map.of("assay.recovery.orphan-grace", "0s", "assay.pipeline.workers", 0);
    }

    @Test
    void aFileNoCommittedUploadOwnsIsNeverServedAndIsMovedToLostAndFound() {
        assertThat(getBytes("files/orphaned/" + ORPHAN).statusCode()).isEqualTo(404);
        Path lost = data.resolve("lost+found").resolve("orphaned").resolve(ORPHAN);
        Eventually.until("the comparison at start moving the orphan", Duration.ofMinutes(1), () -> Files.exists(lost),
                moved -> moved);
        assertThat(data.resolve("files").resolve("orphaned").resolve(ORPHAN)).doesNotExist();
    }
}
