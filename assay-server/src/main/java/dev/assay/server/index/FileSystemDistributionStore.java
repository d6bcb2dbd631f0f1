package dev.assay.server.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.assay.server.storage.DurableFiles;
import dev.assay.server.storage.FileTree;
import dev.assay.server.storage.ScratchSpace;

/**
 * Keeps files under {@code <folder>/<project>/<filename>} ({@code DATA/files} by default), with temporary files in
 * this server's scratch folder under {@code DATA/tmp}; a published file is on the disk (bytes and name) before the
 * call returns. Files set aside go to {@code DATA/lost+found}.
 */
class FileSystemDistributionStore implements DistributionStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemDistributionStore.class);

    private final Path filesDirectory;
    private final Path lostAndFound;
    private final FileTree files;
    private final ScratchSpace scratch;

    FileSystemDistributionStore(Path filesDirectory, Path lostAndFound, ScratchSpace scratch) throws IOException {
        this.filesDirectory = filesDirectory;
        this.lostAndFound = lostAndFound;
        this.files = new FileTree(filesDirectory);
        this.scratch = scratch;
    }

    @Override
    public Path newTemporaryFile() throws IOException {
        return scratch.newFile("upload-", ".part");
    }

    @Override
    public void publish(Path temporaryFile, String normalizedProject, String filename) throws IOException {
        files.publish(temporaryFile, normalizedProject, filename);
    }

    @Override
    public Path locate(String normalizedProject, String filename) {
        return files.locate(normalizedProject, filename);
    }

    @Override
    public void remove(String normalizedProject, String filename) throws IOException {
        files.remove(normalizedProject, filename);
    }

    @Override
    public List<StoredFile> storedFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(filesDirectory, 2)) {
            List<Path> found = paths.filter(path -> path.getNameCount() == filesDirectory.getNameCount() + 2)
                    .filter(Files::isRegularFile).toList();
            List<StoredFile> stored = new ArrayList<>();
            for (Path file : found) {
                stored.add(new StoredFile(file.getParent().getFileName().toString(), file.getFileName().toString(),
                        Files.getLastModifiedTime(file).toInstant()));
            }
            return stored;
        }
    }

    @Override
    public void setAside(String normalizedProject, String filename, BooleanSupplier committed) throws IOException {
        Path file = locate(normalizedProject, filename);
        Path target = lostAndFound.resolve(filesDirectory.relativize(file));
        DurableFiles.move(file, target);
        // committed by another server between the listing and the move: it belongs where it was
        if (committed.getAsBoolean()) {
            DurableFiles.move(target, file);
        } else {
            LOG.warn("Moved {} to {}: no upload of it was committed (the server stopped before answering)",
                    filesDirectory.relativize(file), target);
        }
    }

    @Override
    public String where() {
        return filesDirectory.toString();
    }
}
