package dev.assay.packaging.archive;

/**
 * The bounds an untrusted archive must stay within; every bound is checked against the bytes
 * actually read, not only against what the archive declares.
 *
 * @param maxEntries          most entries (files, directories and links) an archive may hold
 * @param maxTotalSize        most uncompressed bytes all entries together may hold
 * @param maxEntrySize        most uncompressed bytes a single entry may hold
 * @param maxCompressionRatio most uncompressed bytes per compressed byte, past {@link #RATIO_GRACE_BYTES}
 * @param maxPathLength       most characters an entry name or link target may have
 */
public record ArchiveLimits(
        int maxEntries, long maxTotalSize, long maxEntrySize, int maxCompressionRatio, int maxPathLength) {

    /** Below this many uncompressed bytes the ratio is not checked: tiny, repetitive files compress very well. */
    public static final long RATIO_GRACE_BYTES = 1L << 20;

    private static final long GIB = 1L << 30;

    /** Validates that every bound is positive. */
    public ArchiveLimits {
        requirePositive("maxEntries", maxEntries);
        requirePositive("maxTotalSize", maxTotalSize);
        requirePositive("maxEntrySize", maxEntrySize);
        requirePositive("maxCompressionRatio", maxCompressionRatio);
        requirePositive("maxPathLength", maxPathLength);
    }

    /** Limits suited to wheels and sdists uploaded to an index: 100,000 entries, 1 GiB, ratio 200, paths of 4096. */
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(100_000, GIB, GIB, 200, 4096);
    }

    /** These limits with another entry count. */
    public ArchiveLimits withMaxEntries(int entries) {
        return new ArchiveLimits(entries, maxTotalSize, maxEntrySize, maxCompressionRatio, maxPathLength);
    }

    /** These limits with another total uncompressed size. */
    public ArchiveLimits withMaxTotalSize(long bytes) {
        return new ArchiveLimits(maxEntries, bytes, maxEntrySize, maxCompressionRatio, maxPathLength);
    }

    /** These limits with another single-entry uncompressed size. */
    public ArchiveLimits withMaxEntrySize(long bytes) {
        return new ArchiveLimits(maxEntries, maxTotalSize, bytes, maxCompressionRatio, maxPathLength);
    }

    /** These limits with another compression ratio. */
    public ArchiveLimits withMaxCompressionRatio(int ratio) {
        return new ArchiveLimits(maxEntries, maxTotalSize, maxEntrySize, ratio, maxPathLength);
    }

    /** These limits with another path length. */
    public ArchiveLimits withMaxPathLength(int length) {
        return new ArchiveLimits(maxEntries, maxTotalSize, maxEntrySize, maxCompressionRatio, length);
    }

    /** Whether {@code uncompressed} bytes that came from {@code compressed} bytes exceed the ratio. */
    public boolean exceedsRatio(long uncompressed, long compressed) {
        if (uncompressed <= RATIO_GRACE_BYTES) {
            return false;
        }
        return uncompressed / (double) Math.max(compressed, 1) > maxCompressionRatio;
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
