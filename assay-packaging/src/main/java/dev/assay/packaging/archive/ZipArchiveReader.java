package dev.assay.packaging.archive;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.archive.UnsafeArchiveException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** Reads zips (wheels, legacy sdists) through their central directory, checking every entry on open. */
final class ZipArchiveReader implements ArchiveReader {
    private static final int FILE_TYPE_MASK = 0170000;
    private static final int REGULAR_FILE = 0100000;
    private static final int DIRECTORY = 0040000;
    private static final int SYMBOLIC_LINK = 0120000;

    private final String archive;
    private final ArchiveLimits limits;
    private final ZipFile zip;
    private final Map<ArchiveEntry, ZipArchiveEntry> entries;

    private ZipArchiveReader(String archive, ArchiveLimits limits, ZipFile zip, Map<ArchiveEntry, ZipArchiveEntry> entries) {
        this.archive = archive;
        this.limits = limits;
        this.zip = zip;
        this.entries = entries;
    }

    /** Opens and checks the zip at {@code file}; file-system failures surface as {@link UncheckedIOException}. */
    static ZipArchiveReader open(Path file, ArchiveLimits limits) {
        String archive = String.valueOf(file.getFileName());
        FileChannel channel = openChannel(file);
        ZipFile zip = null;
        try {
            new ZipEntryCensus(archive, channel, limits.maxEntries()).check();
            zip = ZipFile.builder().setSeekableByteChannel(channel).get();
            return new ZipArchiveReader(archive, limits, zip, new ZipEntryChecks(archive, limits, zip).run());
        } catch (PackagingException e) {
            closeQuietly(channel, zip);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, zip);
            throw new CorruptArchiveException(archive, "not a readable zip archive", e);
        }
    }

    @Override
    public List<ArchiveEntry> entries() {
        return List.copyOf(entries.keySet());
    }

    @Override
    public void visitFiles(Predicate<ArchiveEntry> wanted, ByteBudget budget, FileVisitor visitor) {
        for (Map.Entry<ArchiveEntry, ZipArchiveEntry> pair : entries.entrySet()) {
            ArchiveEntry entry = pair.getKey();
            if (entry.isFile() && wanted.test(entry)) {
                visit(entry, pair.getValue(), budget, visitor);
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(null, zip);
    }

    private void visit(ArchiveEntry entry, ZipArchiveEntry zipEntry, ByteBudget budget, FileVisitor visitor) {
        try (InputStream decoded = zip.getInputStream(zipEntry)) {
            InputStream content = new EntryInputStream(decoded, archive, entry, zipEntry.getCompressedSize(), limits, budget);
            visitor.visit(entry, content);
        } catch (PackagingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new CorruptArchiveException(archive, "cannot decode entry " + Quoted.of(entry.path()), e);
        }
    }

    private static FileChannel openChannel(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open archive " + file, e);
        }
    }

    private static void closeQuietly(FileChannel channel, ZipFile zip) {
        try {
            if (zip != null) {
                zip.close();
            } else if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // Nothing was written through a read-only channel, so a failed close loses nothing.
        }
    }

    /** Kind of a zip entry from the Unix mode in its external attributes, refusing devices and FIFOs. */
    static EntryKind kindOf(String archive, ZipArchiveEntry entry) {
        int type = entry.getUnixMode() & FILE_TYPE_MASK;
        if (type == SYMBOLIC_LINK) {
            return EntryKind.SYMBOLIC_LINK;
        }
        if (type != 0 && type != REGULAR_FILE && type != DIRECTORY) {
            throw new UnsafeArchiveException(archive, entry.getName(), Reason.SPECIAL_FILE,
                    "its Unix mode " + Integer.toOctalString(entry.getUnixMode())
                            + " marks a device, FIFO or socket; only files, directories and links are accepted");
        }
        return entry.isDirectory() || type == DIRECTORY ? EntryKind.DIRECTORY : EntryKind.FILE;
    }

    /** Checks every central directory entry of one zip, in order. */
    private static final class ZipEntryChecks {
        private final String archive;
        private final ArchiveLimits limits;
        private final ZipFile zip;
        private final EntryCatalog catalog;

        ZipEntryChecks(String archive, ArchiveLimits limits, ZipFile zip) {
            this.archive = archive;
            this.limits = limits;
            this.zip = zip;
            this.catalog = new EntryCatalog(archive, limits);
        }

        Map<ArchiveEntry, ZipArchiveEntry> run() throws IOException {
            Map<ArchiveEntry, ZipArchiveEntry> accepted = new LinkedHashMap<>();
            for (ZipArchiveEntry zipEntry : Collections.list(zip.getEntries())) {
                EntryKind kind = kindOf(archive, zipEntry);
                checkReadable(zipEntry);
                String target = kind == EntryKind.SYMBOLIC_LINK ? linkTarget(zipEntry) : "";
                RawEntry raw = new RawEntry(zipEntry.getName(), kind, zipEntry.getSize(), target);
                catalog.accept(raw).ifPresent(entry -> accepted.put(entry, zipEntry));
                checkDeclaredRatio(zipEntry);
            }
            return accepted;
        }

        private void checkReadable(ZipArchiveEntry entry) {
            if (!zip.canReadEntryData(entry)) {
                throw new CorruptArchiveException(archive, "entry " + Quoted.of(entry.getName())
                        + " is encrypted or uses unsupported compression method " + entry.getMethod());
            }
        }

        private void checkDeclaredRatio(ZipArchiveEntry entry) {
            if (entry.getSize() >= 0 && entry.getCompressedSize() >= 0
                    && limits.exceedsRatio(entry.getSize(), entry.getCompressedSize())) {
                throw new UnsafeArchiveException(archive, entry.getName(), Reason.COMPRESSION_RATIO,
                        "it declares " + entry.getSize() + " bytes from " + entry.getCompressedSize()
                                + " compressed bytes, over the ratio of " + limits.maxCompressionRatio());
            }
        }

        // A zip symlink's target is its content, which could itself be a bomb: read at most a path's worth.
        private String linkTarget(ZipArchiveEntry entry) throws IOException {
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] target = in.readNBytes(limits.maxPathLength() + 1);
                return new String(target, StandardCharsets.UTF_8);
            }
        }
    }
}
