package dev.assay.server.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import dev.assay.server.config.AssayProperties;
import dev.assay.server.storage.DurableFiles;
import dev.assay.server.storage.ScratchSpace;

/**
 * Keeps files under {@code DATA/files/<project>/<filename>}, with temporary files in this server's scratch
 * folder under {@code DATA/tmp}; a published file is on the disk (bytes and name) before the call returns.
 */
@Component
class FileSystemDistributionStore implements DistributionStore {

    private final Path files;
    private final ScratchSpace scratch;

    FileSystemDistributionStore(AssayProperties properties, ScratchSpace scratch) throws IOException {
        this.files = Files.createDirectories(properties.filesDirectory());
        this.scratch = scratch;
    }

    @Override
    public Path newTemporaryFile() throws IOException {
        return scratch.newFile("upload-", ".part");
    }

    @Override
    public void publish(Path temporaryFile, String normalizedProject, String filename) throws IOException {
        Path target = locate(normalizedProject, filename);
        DurableFiles.move(temporaryFile, target);
    }

    @Override
    public Path locate(String normalizedProject, String filename) {
        Path target = files.resolve(normalizedProject).resolve(filename).normalize();
        if (!target.startsWith(files) || !target.getParent().getParent().equals(files)) {
            throw new IllegalArgumentException("not a distribution file location: " + normalizedProject + "/" + filename);
        }
        return target;
    }

    @Override
    public void remove(String normalizedProject, String filename) throws IOException {
        Files.deleteIfExists(locate(normalizedProject, filename));
    }
}
