package dev.assay.packaging.archive;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.archive.UnsafeArchiveException.Reason;
import java.io.IOException;
import java.io.InputStream;

/**
 * The content of one entry as handed to callers: bytes are counted against the entry's limits and the
 * pass's budget, and decoder failures surface as {@link CorruptArchiveException}, so that an
 * {@link IOException} escaping a reader of this stream can only come from the reader's own output.
 */
final class EntryInputStream extends InputStream {
    private final String archive;
    private final ArchiveEntry entry;
    private final long compressedSize;
    private final ArchiveLimits limits;
    private final ByteBudget budget;
    private final MeteredInputStream in;

    /** Wraps the decoded content of {@code entry}; {@code compressedSize} is -1 when unknown. */
    EntryInputStream(InputStream decoded, String archive, ArchiveEntry entry, long compressedSize,
                     ArchiveLimits limits, ByteBudget budget) {
        this.archive = archive;
        this.entry = entry;
        this.compressedSize = compressedSize;
        this.limits = limits;
        this.budget = budget;
        this.in = new MeteredInputStream(decoded, this::check);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        try {
            return in.read(buffer, offset, length);
        } catch (PackagingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CorruptArchiveException(archive, "cannot decode entry " + Quoted.of(entry.path()), e);
        }
    }

    @Override
    public void close() {
        // The archive reader owns the underlying stream and closes it when the pass ends.
    }

    private void check(long delta, long total) {
        if (total > limits.maxEntrySize()) {
            throw refuse(Reason.ENTRY_TOO_LARGE, "it inflates to more than " + limits.maxEntrySize() + " bytes");
        }
        if (entry.size() >= 0 && total > entry.size()) {
            throw refuse(Reason.SIZE_MISMATCH, "it inflates past its declared size of " + entry.size() + " bytes");
        }
        if (compressedSize >= 0 && limits.exceedsRatio(total, compressedSize)) {
            throw refuse(Reason.COMPRESSION_RATIO, "it inflates to more than " + total + " bytes from "
                    + compressedSize + " compressed bytes, over the ratio of " + limits.maxCompressionRatio());
        }
        budget.spend(entry.path(), delta);
    }

    private UnsafeArchiveException refuse(Reason reason, String detail) {
        return new UnsafeArchiveException(archive, entry.path(), reason, detail);
    }
}
