package dev.assay.server.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Moves that survive a crash: the file's bytes are forced to the disk before it is renamed into place, and
 * the folder that gained the name is forced after, so a file once reported stored is there after a power cut.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    /**
     * Forces {@code source} to disk, renames it atomically to {@code target} and forces the new folder entry;
     * the file's modification time becomes the time of the move (when it took its place).
     */
    public static void move(Path source, Path target) throws IOException {
        Files.setLastModifiedTime(source, FileTime.from(Instant.now()));
        try (FileChannel file = FileChannel.open(source, StandardOpenOption.WRITE)) {
            file.force(true);
        }
        Path folder = target.getParent();
        boolean newFolder = !Files.isDirectory(folder);
        Files.createDirectories(folder);
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        syncFolder(folder);
        if (newFolder) {
            syncFolder(folder.getParent());
        }
    }

    /** Forces a folder's entries (names added, removed or renamed) to disk. */
    public static void syncFolder(Path folder) throws IOException {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }
}
