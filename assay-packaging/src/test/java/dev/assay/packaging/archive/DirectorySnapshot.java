package dev.assay.packaging.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every path under a directory with its size, to prove an operation wrote nothing there. */
record DirectorySnapshot(Map<String, Long> sizes) {

    static DirectorySnapshot of(Path directory) {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.forEach(path -> sizes.put(directory.relativize(path).toString(), sizeOf(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DirectorySnapshot(sizes);
    }

    private static long sizeOf(Path path) {
        try {
            return Files.isRegularFile(path) ? Files.size(path) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
