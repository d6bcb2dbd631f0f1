package dev.assay.server.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.stereotype.Component;

import dev.assay.server.config.AssayProperties;

/** Keeps files under {@code DATA/files/<project>/<filename>}, with temporary files in {@code DATA/tmp}. */
@Component
class FileSystemDistributionStore implements DistributionStore {

    private final Path files;
    private final Path temporary;

    FileSystemDistributionStore(AssayProperties properties) throws IOException {
        this.files = Files.createDirectories(properties.filesDirectory());
        this.temporary = Files.createDirectories(properties.data().resolve("tmp"));
    }

    @Override
    public Path newTemporaryFile() throws IOException {
        return Files.createTempFile(temporary, "upload-", ".part");
    }

    @Override
    public void publish(Path temporaryFile, String normalizedProject, String filename) throws IOException {
        Path target = locate(normalizedProject, filename);
        Files.createDirectories(target.getParent());
        Files.move(temporaryFile, target, StandardCopyOption.ATOMIC_MOVE);
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
