package dev.assay.packaging.archive;

import dev.assay.packaging.archive.UnsafeArchiveException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** Writes an archive's directories and files under one directory, all or nothing. */
final class Extraction {
    private final String archive;
    private final ArchiveReader reader;
    private final List<ArchiveEntry> entries;
    private final ByteBudget budget;

    Extraction(String archive, ArchiveReader reader, List<ArchiveEntry> entries, ByteBudget budget) {
        this.archive = archive;
        this.reader = reader;
        this.entries = entries;
        this.budget = budget;
    }

    /** Extracts into {@code directory}, which must be absent or empty; on failure removes all it wrote. */
    void into(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        boolean created = prepare(root);
        try {
            for (ArchiveEntry entry : entries) {
                if (entry.kind() == EntryKind.DIRECTORY) {
                    Files.createDirectories(inside(root, entry));
                }
            }
            reader.visitFiles(entry -> true, budget, (entry, content) -> write(inside(root, entry), content));
        } catch (IOException e) {
            undo(root, created);
            throw new UncheckedIOException("Cannot extract " + archive + " to " + root, e);
        } catch (RuntimeException e) {
            undo(root, created);
            throw e;
        }
    }

    private static boolean prepare(Path root) {
        try {
            if (Files.exists(root)) {
                requireEmptyDirectory(root);
                return false;
            }
            Files.createDirectories(root);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create extraction directory " + root, e);
        }
    }

    // Extracting over existing content could follow a symbolic link planted there, out of the directory.
    private static void requireEmptyDirectory(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("Extraction target " + root + " exists and is not a directory");
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            if (children.iterator().hasNext()) {
                throw new IllegalArgumentException("Extraction target " + root + " is not empty");
            }
        }
    }

    // Entry paths are already normalised; this re-check guards against any gap in that normalisation.
    private Path inside(Path root, ArchiveEntry entry) {
        Path target = root.resolve(entry.path()).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new UnsafeArchiveException(archive, entry.path(), Reason.PATH_TRAVERSAL,
                    "it resolves to " + target + ", outside the extraction directory");
        }
        return target;
    }

    private static void write(Path target, InputStream content) throws IOException {
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            content.transferTo(out);
        }
    }

    private static void undo(Path root, boolean created) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (created || !dir.equals(root)) {
                        Files.delete(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // The original failure matters more; leftovers stay inside the extraction directory.
        }
    }
}
