package dev.assay.packaging.archive;

import dev.assay.packaging.archive.UnsafeArchiveException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An untrusted wheel or sdist opened for reading: every entry is checked against {@link ArchiveLimits} on
 * open, and every byte read is counted again. Refusals raise {@link UnsafeArchiveException}, unreadable
 * archives {@link CorruptArchiveException}; failures of the local file system raise {@link UncheckedIOException}.
 */
public final class SafeArchive implements AutoCloseable {
    // Java arrays cannot hold more; larger members must be extracted rather than read into memory.
    private static final long MAX_IN_MEMORY = Integer.MAX_VALUE - 16;

    private final Path file;
    private final ArchiveFormat format;
    private final ArchiveLimits limits;
    private final ArchiveReader reader;
    private final List<ArchiveEntry> entries;

    private SafeArchive(Path file, ArchiveFormat format, ArchiveLimits limits, ArchiveReader reader) {
        this.file = file;
        this.format = format;
        this.limits = limits;
        this.reader = reader;
        this.entries = reader.entries();
    }

    /** Opens {@code file} with the default limits, recognising zip or tar.gz from its first bytes. */
    public static SafeArchive open(Path file) {
        return open(file, ArchiveLimits.defaults());
    }

    /** Opens {@code file} with {@code limits}, recognising zip or tar.gz from its first bytes. */
    public static SafeArchive open(Path file, ArchiveLimits limits) {
        return open(file, FormatSniffer.sniff(file), limits);
    }

    /** Opens {@code file} as {@code format} with {@code limits}; a file of another format is corrupt. */
    public static SafeArchive open(Path file, ArchiveFormat format, ArchiveLimits limits) {
        ArchiveReader reader = switch (format) {
            case ZIP -> ZipArchiveReader.open(file, limits);
            case TAR_GZ -> TarGzArchiveReader.open(file, limits);
        };
        return new SafeArchive(file, format, limits, reader);
    }

    /** The archive's container format. */
    public ArchiveFormat format() {
        return format;
    }

    /** Every accepted entry, in archive order; links are listed but never extracted. */
    public List<ArchiveEntry> entries() {
        return entries;
    }

    /** The entry at the normalised {@code path}, if any. */
    public Optional<ArchiveEntry> entry(String path) {
        return entries.stream().filter(entry -> entry.path().equals(path)).findFirst();
    }

    /** The content of the regular file at {@code path}, read under the entry size limit. */
    public byte[] read(String path) {
        ArchiveEntry entry = entry(path).orElseThrow(() -> new EntryNotFoundException(name(), path, "no such entry"));
        if (!entry.isFile()) {
            throw new EntryNotFoundException(name(), path, "it is a " + entry.kind().name().toLowerCase().replace('_', ' '));
        }
        if (entry.size() > MAX_IN_MEMORY) {
            throw new UnsafeArchiveException(name(), path, Reason.ENTRY_TOO_LARGE, "it declares " + entry.size()
                    + " bytes, too many to hold in memory; extract it instead");
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        reader.visitFiles(candidate -> candidate.equals(entry), budget(), (found, in) -> copyBounded(found, in, content));
        return content.toByteArray();
    }

    /** Receives one regular file's content as it is read; an {@link IOException} it throws is its own failure. */
    @FunctionalInterface
    public interface ContentVisitor {
        /** Reads (some or all of) {@code content}, the bytes of {@code entry}, before returning. */
        void visit(ArchiveEntry entry, InputStream content) throws IOException;
    }

    /**
     * Streams, in archive order, every regular file {@code wanted} accepts, in one pass over the archive: each
     * byte read is counted against the limits, and a visitor may stop reading an entry early.
     */
    public void visitFiles(Predicate<ArchiveEntry> wanted, ContentVisitor visitor) {
        reader.visitFiles(wanted, budget(), visitor::visit);
    }

    /**
     * Writes every directory and regular file under {@code directory}, which must be absent or empty. Links
     * are not created. On any failure everything written is removed, leaving {@code directory} as it was.
     */
    public void extractTo(Path directory) {
        new Extraction(name(), reader, entries, budget()).into(directory);
    }

    @Override
    public void close() {
        reader.close();
    }

    private String name() {
        return String.valueOf(file.getFileName());
    }

    private ByteBudget budget() {
        try {
            return new ByteBudget(name(), limits, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read archive " + file, e);
        }
    }

    private void copyBounded(ArchiveEntry entry, InputStream in, ByteArrayOutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer, 0, buffer.length); n >= 0; n = in.read(buffer, 0, buffer.length)) {
            if (out.size() + (long) n > MAX_IN_MEMORY) {
                throw new UnsafeArchiveException(name(), entry.path(), Reason.ENTRY_TOO_LARGE,
                        "it is too large to hold in memory; extract it instead");
            }
            out.write(buffer, 0, n);
        }
    }
}
