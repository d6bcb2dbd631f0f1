package dev.assay.server.pipeline.sourcematch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import dev.assay.server.index.DistributionFile;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.sourcecommit.ReleaseSource;

/** A stored match's key fits its column however many files a release has, and changes with what it was made from. */
class StoredVerdictKeyTest {

    private static final ReleaseSource TAGGED = new ReleaseSource("a".repeat(40), Optional.of("v1.0"), "tag",
            Optional.empty(), true);

    @Test
    void aReleaseOfManyFilesHasAKeyOfFixedLength() {
        List<DistributionFile> files = LongStream.rangeClosed(1_000_000, 1_000_500).mapToObj(StoredVerdictKeyTest::file)
                .toList();
        List<PipelineView> pipelines = LongStream.rangeClosed(9_000_000, 9_000_500)
                .mapToObj(id -> pipeline(id, "passed")).toList();

        assertThat(StoredVerdicts.key(TAGGED, files, pipelines)).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void theKeyChangesWithAPipelinesStateAFileOrTheSource() {
        List<DistributionFile> files = List.of(file(1));
        String key = StoredVerdicts.key(TAGGED, files, List.of(pipeline(7, "passed")));

        assertThat(StoredVerdicts.key(TAGGED, files, List.of(pipeline(7, "passed")))).isEqualTo(key);
        assertThat(StoredVerdicts.key(TAGGED, files, List.of(pipeline(7, "failed")))).isNotEqualTo(key);
        assertThat(StoredVerdicts.key(TAGGED, List.of(file(1), file(2)), List.of(pipeline(7, "passed"))))
                .isNotEqualTo(key);
        ReleaseSource named = new ReleaseSource("a".repeat(40), Optional.empty(), "upload", Optional.of("max"), true);
        assertThat(StoredVerdicts.key(named, files, List.of(pipeline(7, "passed")))).isNotEqualTo(key);
    }

    private static DistributionFile file(long id) {
        return new DistributionFile(id, 1, "demo-1.0-" + id + ".tar.gz", "sdist", "source", Optional.empty(), 10,
                "0".repeat(64), "", "", Optional.empty(), Instant.EPOCH, Optional.empty());
    }

    private static PipelineView pipeline(long id, String status) {
        return new PipelineView(id, "demo", "1.0", "demo-1.0.tar.gz", null, null, "upload", status, null,
                Instant.EPOCH, null, null, null, 0, null, List.of(), null, List.of(), null);
    }
}
