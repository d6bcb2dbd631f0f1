package dev.assay.packaging.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArchiveLimitsTest {

    @Test
    void defaultsSuitAnIndex() {
        assertThat(ArchiveLimits.defaults())
                .isEqualTo(new ArchiveLimits(100_000, 1L << 30, 1L << 30, 200, 4096));
    }

    @Test
    void withersChangeOneBound() {
        ArchiveLimits small = ArchiveLimits.defaults().withMaxEntries(3).withMaxTotalSize(30).withMaxEntrySize(10)
                .withMaxCompressionRatio(5).withMaxPathLength(64);
        assertThat(small).isEqualTo(new ArchiveLimits(3, 30, 10, 5, 64));
    }

    @Test
    void refusesNonPositiveBounds() {
        assertThatThrownBy(() -> ArchiveLimits.defaults().withMaxEntries(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntries");
        assertThatThrownBy(() -> ArchiveLimits.defaults().withMaxTotalSize(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTotalSize");
    }

    @Test
    void checksTheRatioOnlyPastTheGrace() {
        ArchiveLimits limits = ArchiveLimits.defaults();
        assertThat(limits.exceedsRatio(ArchiveLimits.RATIO_GRACE_BYTES, 1)).isFalse();
        assertThat(limits.exceedsRatio(ArchiveLimits.RATIO_GRACE_BYTES + 1, 1)).isTrue();
        assertThat(limits.exceedsRatio(200L << 20, 1L << 20)).isFalse();
        assertThat(limits.exceedsRatio((200L << 20) + 1, 1L << 20)).isTrue();
        assertThat(limits.exceedsRatio(10L << 20, 0)).isTrue();
    }

    @Test
    void budgetRefusesBytesReallyReadPastTheTotal() {
        ByteBudget budget = new ByteBudget("a.whl", ArchiveLimits.defaults().withMaxTotalSize(100), 1000);
        budget.spend("x", 60);
        assertThatThrownBy(() -> budget.spend("y", 41))
                .isInstanceOfSatisfying(UnsafeArchiveException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnsafeArchiveException.Reason.TOTAL_TOO_LARGE))
                .hasMessageContaining("'y'");
    }

    @Test
    void budgetRefusesOverlappingEntriesInflatingFarPastTheArchiveSize() {
        ByteBudget budget = new ByteBudget("overlap.whl", ArchiveLimits.defaults(), 10_000);
        budget.spend("a", 1_000_000);
        assertThatThrownBy(() -> budget.spend("b", 1_500_000))
                .isInstanceOfSatisfying(UnsafeArchiveException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnsafeArchiveException.Reason.COMPRESSION_RATIO))
                .hasMessageContaining("archive of 10000 bytes");
    }
}
