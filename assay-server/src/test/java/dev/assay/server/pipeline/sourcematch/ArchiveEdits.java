package dev.assay.server.pipeline.sourcematch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Edits a built sdist after the build, as one who tampers with a release tarball would. */
final class ArchiveEdits {

    private ArchiveEdits() {
    }

    /** A copy of the sdist in {@code directory} whose entries ending with {@code suffix} are rewritten by {@code edit}. */
    static Path withEditedFile(Path sdist, Path directory, String suffix, UnaryOperator<String> edit)
            throws IOException {
        Path copy = Files.createDirectories(directory).resolve(sdist.getFileName());
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(sdist)));
                TarArchiveOutputStream out = new TarArchiveOutputStream(new GZIPOutputStream(
                        Files.newOutputStream(copy)))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().endsWith(suffix)) {
                    content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                entry.setSize(content.length);
                out.putArchiveEntry(entry);
                out.write(content);
                out.closeArchiveEntry();
            }
        }
        return copy;
    }
}
