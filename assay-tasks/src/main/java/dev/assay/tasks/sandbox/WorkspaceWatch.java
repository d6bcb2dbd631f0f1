package dev.assay.tasks.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

/**
 * Measures how much a workspace holds, for the runner to stop a command that grows it past its limit. Counts
 * the apparent size of every file without following links, so a sparse or hard-linked file counts in full:
 * it may stop a command early, never late.
 */
final class WorkspaceWatch implements ProcessRunner.Guard {

    private static final Duration SHORTEST = Duration.ofMillis(200);
    private static final Duration LONGEST = Duration.ofSeconds(2);

    private final Path workspace;
    private final long limitBytes;
    private Duration lastWalk = Duration.ZERO;

    WorkspaceWatch(Path workspace, long limitBytes) {
        this.workspace = workspace;
        this.limitBytes = limitBytes;
    }

    @Override
    public boolean exceeded() {
        long started = System.nanoTime();
        long size = size(workspace);
        lastWalk = Duration.ofNanos(System.nanoTime() - started);
        return size > limitBytes;
    }

    /** Often enough to stop a runaway write early, rarely enough that a large workspace costs little CPU. */
    @Override
    public Duration interval() {
        Duration scaled = lastWalk.multipliedBy(5);
        return scaled.compareTo(SHORTEST) < 0 ? SHORTEST : scaled.compareTo(LONGEST) > 0 ? LONGEST : scaled;
    }

    /** The apparent size of every regular file under {@code dir}; files vanishing meanwhile count as nothing. */
    static long size(Path dir) {
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    total[0] += attributes.isRegularFile() ? attributes.size() : 0;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException gone) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException unreadable) {
            // The walk's own failures are reported to visitFileFailed; this is the root vanishing.
        }
        return total[0];
    }
}
