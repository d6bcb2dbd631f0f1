package dev.assay.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A folder {@code ROOT/<random>} that belongs to one running process, held by a file lock until it is closed.
 * Claiming one first removes every sibling whose lock nobody holds (its process ended, even by {@code kill -9},
 * which releases the lock) and every loose entry of the older layout; folders of processes still running on
 * the same data directory are left alone. Claims are taken one at a time (a lock on {@code ROOT/.claiming}), so a
 * server starting beside another never takes the other's brand-new folder for a dead one.
 */
public final class OwnedFolder implements AutoCloseable {

    private static final String LOCK = ".lock";
    // held while a folder is made, locked and its dead siblings swept, so no sweep ever meets a folder whose lock
    // is not taken yet (servers sharing a data directory start together)
    private static final String CLAIMING = ".claiming";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final long cleared;

    private OwnedFolder(Path path, FileChannel lockChannel, FileLock lock, long cleared) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.cleared = cleared;
    }

    /** Claims a new folder under {@code root} (created if needed, permissions copied from it) and clears the dead. */
    public static OwnedFolder claim(Path root) throws IOException {
        Path absoluteRoot = Files.createDirectories(root).toAbsolutePath().normalize();
        // a file lock is held per process: the monitor keeps servers in one JVM (tests start several) apart
        synchronized (OwnedFolder.class) {
            try (FileChannel claiming = FileChannel.open(absoluteRoot.resolve(CLAIMING), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock exclusive = claiming.lock()) {
                return claimWhileExclusive(absoluteRoot);
            }
        }
    }

    private static OwnedFolder claimWhileExclusive(Path absoluteRoot) throws IOException {
        Path path = Files.createDirectory(absoluteRoot.resolve(UUID.randomUUID().toString()));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // whoever must reach the root (the sandbox's user for job workspaces) must reach this folder too
            Files.setPosixFilePermissions(path, Files.getPosixFilePermissions(absoluteRoot));
        }
        FileChannel channel = FileChannel.open(path.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock();
        long cleared = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(absoluteRoot)) {
            for (Path entry : entries) {
                if (!entry.equals(path) && !entry.getFileName().toString().equals(CLAIMING) && abandoned(entry)) {
                    cleared += deleteTree(entry);
                }
            }
        }
        return new OwnedFolder(path, channel, lock, cleared);
    }

    /** The folder. */
    public Path path() {
        return path;
    }

    /** How many files the claim removed from folders of processes that had ended. */
    public long cleared() {
        return cleared;
    }

    private static boolean abandoned(Path entry) throws IOException {
        Path lockFile = entry.resolve(LOCK);
        if (!Files.isDirectory(entry) || !Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock held = channel.tryLock()) {
            return held != null;
        } catch (OverlappingFileLockException sameProcess) {
            // another server in this JVM (tests start several) holds it
            return false;
        }
    }

    private static long deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.sorted(Comparator.reverseOrder()).filter(OwnedFolder::delete).count();
        }
    }

    private static boolean delete(Path path) {
        boolean counted = Files.isRegularFile(path) && !path.getFileName().toString().equals(LOCK);
        try {
            Files.deleteIfExists(path);
            return counted;
        } catch (IOException failure) {
            throw new UncheckedIOException("could not remove the abandoned file " + path, failure);
        }
    }

    /** Releases the folder and removes it with what it holds. */
    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
        try {
            deleteTree(path);
        } catch (IOException | UncheckedIOException stillInUse) {
            // the lock is released: whatever could not go now goes when the next process claims a folder here
        }
    }
}
