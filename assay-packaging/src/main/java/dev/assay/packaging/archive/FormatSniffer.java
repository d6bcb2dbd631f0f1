package dev.assay.packaging.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells a zip from a gzip by the file's first bytes, since uploaded files may sit under any name. */
final class FormatSniffer {
    private FormatSniffer() {
    }

    /** The format {@code file} starts like; neither zip nor gzip is corrupt. */
    static ArchiveFormat sniff(Path file) {
        byte[] magic = firstBytes(file);
        if (magic.length >= 2 && magic[0] == 'P' && magic[1] == 'K') {
            return ArchiveFormat.ZIP;
        }
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return ArchiveFormat.TAR_GZ;
        }
        throw new CorruptArchiveException(String.valueOf(file.getFileName()),
                "it is neither a zip (wheel, legacy sdist) nor a gzip-compressed tar (sdist)");
    }

    private static byte[] firstBytes(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(2);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read archive " + file, e);
        }
    }
}
