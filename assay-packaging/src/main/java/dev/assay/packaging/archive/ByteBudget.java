package dev.assay.packaging.archive;

import dev.assay.packaging.archive.UnsafeArchiveException.Reason;

/** The uncompressed bytes one pass over an archive may still produce, counted as they are really read. */
final class ByteBudget {
    private final String archive;
    private final ArchiveLimits limits;
    private final long archiveSize;
    private long spent;

    /** A budget for {@code archive}, whose compressed size bounds the overall ratio. */
    ByteBudget(String archive, ArchiveLimits limits, long archiveSize) {
        this.archive = archive;
        this.limits = limits;
        this.archiveSize = archiveSize;
    }

    /** Spends {@code bytes} read from {@code entry}; refuses once the total or the overall ratio is exceeded. */
    void spend(String entry, long bytes) {
        spent += bytes;
        if (spent > limits.maxTotalSize()) {
            throw new UnsafeArchiveException(archive, entry, Reason.TOTAL_TOO_LARGE,
                    "the entries inflate to more than " + limits.maxTotalSize() + " bytes in total");
        }
        // Overlapping zip entries can each look harmless while together inflating far past the file's size.
        if (limits.exceedsRatio(spent, archiveSize)) {
            throw new UnsafeArchiveException(archive, entry, Reason.COMPRESSION_RATIO,
                    "the entries inflate to " + spent + " bytes from an archive of " + archiveSize
                            + " bytes, more than " + limits.maxCompressionRatio() + " times its size");
        }
    }
}
