package dev.assay.server.pipeline.rawdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The bytes of kept raw-data files in a folder, {@code <root>/<pipeline>/<job>/<attempt>/<task>/<name>}
 * ({@code DATA/pipelines} by default). A file is written to a temporary name beside its place and moved there
 * whole, so a reader sees the old file or the new one, never half of one.
 */
class FolderRawFileStore implements RawFileStore {

    private final Path root;

    FolderRawFileStore(Path root) {
        this.root = root;
    }

    @Override
    public Written write(RawFileKey key, InputStream content, long limit) throws IOException {
        Path target = path(key);
        Path directory = Files.createDirectories(target.getParent());
        Path temporary = directory.resolve(".upload-" + UUID.randomUUID());
        try {
            long kept;
            try (OutputStream out = Files.newOutputStream(temporary)) {
                kept = content.transferTo(new LimitedOutput(out, limit));
            }
            long size = Math.min(kept, limit);
            move(temporary, target);
            return new Written(size, kept);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public Path path(RawFileKey key) {
        return root.resolve(Long.toString(key.pipelineId())).resolve(Long.toString(key.jobId()))
                .resolve(Integer.toString(key.attempt())).resolve(key.task()).resolve(key.name());
    }

    @Override
    public List<Long> pipelineIds() throws IOException {
        List<Long> ids = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return ids;
        }
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(root, "[0-9]*")) {
            for (Path directory : directories) {
                try {
                    ids.add(Long.parseLong(directory.getFileName().toString()));
                } catch (NumberFormatException notOurs) {
                    // only pipeline ids are written here; anything else is left alone
                }
            }
        }
        return ids;
    }

    @Override
    public void removePipeline(long pipelineId) throws IOException {
        Path directory = root.resolve(Long.toString(pipelineId));
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException unsupported) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Passes on the first {@code limit} bytes and drops the rest, still counting it. */
    private static final class LimitedOutput extends OutputStream {

        private final OutputStream out;
        private long room;

        LimitedOutput(OutputStream out, long limit) {
            this.out = out;
            this.room = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (room > 0) {
                out.write(b);
                room--;
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int kept = (int) Math.min(length, Math.max(room, 0));
            if (kept > 0) {
                out.write(bytes, offset, kept);
                room -= kept;
            }
        }
    }
}
