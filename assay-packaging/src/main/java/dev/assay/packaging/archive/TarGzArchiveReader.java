package dev.assay.packaging.archive;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.archive.UnsafeArchiveException.Reason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads gzip-compressed tars (sdists). A tar can only be streamed, so opening makes one full checking pass
 * and every later read makes another, checked the same way.
 */
final class TarGzArchiveReader implements ArchiveReader {
    private static final long TAR_OVERHEAD_PER_ENTRY = 2048;

    private final Path file;
    private final String archive;
    private final ArchiveLimits limits;
    private final List<ArchiveEntry> entries;

    private TarGzArchiveReader(Path file, ArchiveLimits limits, List<ArchiveEntry> entries) {
        this.file = file;
        this.archive = String.valueOf(file.getFileName());
        this.limits = limits;
        this.entries = entries;
    }

    /** Opens and checks the tar.gz at {@code file}; file-system failures surface as {@link UncheckedIOException}. */
    static TarGzArchiveReader open(Path file, ArchiveLimits limits) {
        // A set, because a directory may be listed more than once (zip readers collapse repeats the same way).
        Set<ArchiveEntry> entries = new LinkedHashSet<>();
        new TarGzArchiveReader(file, limits, List.of()).pass((entry, tar) -> entries.add(entry));
        return new TarGzArchiveReader(file, limits, List.copyOf(entries));
    }

    @Override
    public List<ArchiveEntry> entries() {
        return entries;
    }

    @Override
    public void visitFiles(Predicate<ArchiveEntry> wanted, ByteBudget budget, FileVisitor visitor) {
        pass((entry, tar) -> {
            if (entry.isFile() && wanted.test(entry)) {
                visitor.visit(entry, new EntryInputStream(tar, archive, entry, -1, limits, budget));
            }
        });
    }

    @Override
    public void close() {
        // Every pass opens and closes its own stream; nothing stays open between passes.
    }

    private void pass(FileVisitor visitor) {
        try (InputStream raw = Files.newInputStream(file)) {
            streamEntries(raw, visitor);
        } catch (PackagingException | UncheckedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read archive " + file, e);
        }
    }

    private void streamEntries(InputStream raw, FileVisitor visitor) {
        EntryCatalog catalog = new EntryCatalog(archive, limits);
        try {
            MeteredInputStream compressed = new MeteredInputStream(new BufferedInputStream(raw), (delta, total) -> { });
            InputStream gzip = new GzipCompressorInputStream(compressed);
            InputStream inflated = new MeteredInputStream(gzip, (delta, total) -> checkInflation(total, compressed.count()));
            TarArchiveInputStream tar = new TarArchiveInputStream(inflated);
            for (TarArchiveEntry tarEntry = tar.getNextEntry(); tarEntry != null; tarEntry = tar.getNextEntry()) {
                RawEntry rawEntry = new RawEntry(tarEntry.getName(), kindOf(tarEntry), tarEntry.getSize(), tarEntry.getLinkName());
                var accepted = catalog.accept(rawEntry);
                if (accepted.isPresent()) {
                    visitGuarded(visitor, accepted.get(), tar);
                }
            }
        } catch (PackagingException | UncheckedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CorruptArchiveException(archive, "not a readable gzip-compressed tar archive", e);
        }
    }

    private static void visitGuarded(FileVisitor visitor, ArchiveEntry entry, InputStream tar) {
        try {
            visitor.visit(entry, tar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Also bounds what the tar reader consumes outside entry contents: headers, long names, PAX records.
    private void checkInflation(long inflated, long compressed) {
        long cap = limits.maxTotalSize() + (limits.maxEntries() + 1L) * TAR_OVERHEAD_PER_ENTRY;
        if (inflated > cap) {
            throw new UnsafeArchiveException(archive, "", Reason.TOTAL_TOO_LARGE,
                    "the tar stream inflates to more than " + cap + " bytes");
        }
        if (limits.exceedsRatio(inflated, compressed)) {
            throw new UnsafeArchiveException(archive, "", Reason.COMPRESSION_RATIO, "the gzip stream inflates to "
                    + inflated + " bytes from " + compressed + " compressed bytes, over the ratio of "
                    + limits.maxCompressionRatio());
        }
    }

    private EntryKind kindOf(TarArchiveEntry entry) {
        if (entry.isDirectory()) {
            return EntryKind.DIRECTORY;
        }
        if (entry.isSymbolicLink()) {
            return EntryKind.SYMBOLIC_LINK;
        }
        if (entry.isLink()) {
            return EntryKind.HARD_LINK;
        }
        String special = specialType(entry);
        if (!special.isEmpty()) {
            throw new UnsafeArchiveException(archive, entry.getName(), Reason.SPECIAL_FILE,
                    "it is a " + special + "; only files, directories and links are accepted");
        }
        return EntryKind.FILE;
    }

    private static String specialType(TarArchiveEntry entry) {
        if (entry.isCharacterDevice()) {
            return "character device";
        }
        if (entry.isBlockDevice()) {
            return "block device";
        }
        if (entry.isFIFO()) {
            return "FIFO";
        }
        if (entry.isSparse()) {
            return "sparse file";
        }
        byte flag = entry.getLinkFlag();
        boolean regular = flag == TarArchiveEntry.LF_NORMAL || flag == TarArchiveEntry.LF_OLDNORM
                || flag == TarArchiveEntry.LF_CONTIG;
        return regular ? "" : "tar entry of type " + Quoted.of(String.valueOf((char) flag));
    }
}
