package dev.assay.server.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measuring a repository's object store while pushes add and remove their temporary packs. */
class RepositorySizeTest {

    @TempDir
    Path objects;

    @Test
    void countsEveryFileAndNoLink() throws Exception {
        Files.createDirectories(objects.resolve("pack"));
        Files.write(objects.resolve("pack").resolve("pack-1.pack"), new byte[1000]);
        Files.write(objects.resolve("ab"), new byte[24]);
        Files.createSymbolicLink(objects.resolve("link"), objects.resolve("pack").resolve("pack-1.pack"));

        assertThat(GitRepositories.storedBytes(objects)).isEqualTo(1024);
        assertThat(GitRepositories.storedBytes(objects.resolve("missing"))).isZero();
    }

    @Test
    void foldersAndFilesVanishingDuringTheWalkCountAsNothing() throws Exception {
        Files.write(objects.resolve("kept"), new byte[10]);
        AtomicBoolean running = new AtomicBoolean(true);
        // what a receiving push does: incoming_* folders with files, created and removed again
        Thread churn = new Thread(() -> {
            for (int round = 0; running.get(); round++) {
                try {
                    Path incoming = Files.createDirectories(objects.resolve("incoming_" + round % 4).resolve("pack"));
                    for (int file = 0; file < 20; file++) {
                        Files.write(incoming.resolve("tmp" + file), new byte[1]);
                    }
                    try (Stream<Path> tree = Files.walk(incoming.getParent())) {
                        tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                    }
                } catch (Exception raced) {
                    // the other walker removed it first: go on churning
                }
            }
        });
        churn.start();
        try {
            for (int i = 0; i < 3000; i++) {
                assertThat(GitRepositories.storedBytes(objects)).isGreaterThanOrEqualTo(10);
            }
        } finally {
            running.set(false);
            churn.join();
        }
    }
}
