package dev.assay.server.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files kept under {@code ROOT/<project>/<filename>}: a name is resolved only to a file exactly two levels below
 * the root (never elsewhere, whatever the name holds), and a file takes its place durably ({@link DurableFiles}).
 */
public final class FileTree {

    private final Path root;

    /** The tree under {@code root}, created if missing. */
    public FileTree(Path root) throws IOException {
        this.root = Files.createDirectories(root).toAbsolutePath().normalize();
    }

    /** The path of a project's file (which may not exist); a name reaching outside the project's folder is refused. */
    public Path locate(String normalizedProject, String filename) {
        Path target = root.resolve(normalizedProject).resolve(filename).normalize();
        if (!target.startsWith(root) || !target.getParent().getParent().equals(root)) {
            throw new IllegalArgumentException("not a file location: " + normalizedProject + "/" + filename);
        }
        return target;
    }

    /** Moves a checked temporary file (on the same file system) to its place, durably and atomically. */
    public void publish(Path temporaryFile, String normalizedProject, String filename) throws IOException {
        DurableFiles.move(temporaryFile, locate(normalizedProject, filename));
    }

    /** Removes a file if it exists. */
    public void remove(String normalizedProject, String filename) throws IOException {
        Files.deleteIfExists(locate(normalizedProject, filename));
    }
}
