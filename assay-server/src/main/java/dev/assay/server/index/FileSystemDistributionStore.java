package dev.assay.server.index;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import dev.assay.server.config.AssayProperties;
import dev.assay.server.storage.FileTree;
import dev.assay.server.storage.ScratchSpace;

/**
 * Keeps files under {@code DATA/files/<project>/<filename>}, with temporary files in this server's scratch
 * folder under {@code DATA/tmp}; a published file is on the disk (bytes and name) before the call returns.
 */
@Component
class FileSystemDistributionStore implements DistributionStore {

    private final FileTree files;
    private final ScratchSpace scratch;

    FileSystemDistributionStore(AssayProperties properties, ScratchSpace scratch) throws IOException {
        this.files = new FileTree(properties.filesDirectory());
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
}
