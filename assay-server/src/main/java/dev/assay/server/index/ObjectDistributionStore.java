package dev.assay.server.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.assay.server.storage.ObjectStore;
import dev.assay.server.storage.StoredObject;

/**
 * Keeps files as the objects {@code files/<project>/<filename>} of the configured bucket
 * ({@code assay.storage.kind=s3}), and a copy of each file this server read under {@code DATA/cache/files}, so that
 * what reads files from the disk (downloads with ranges and sendfile, archive listings, workers' inputs) works
 * unchanged. A file name is never used twice (see {@code used_file_names}), so a copy is never stale.
 */
class ObjectDistributionStore implements DistributionStore {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectDistributionStore.class);
    private static final String FILES = "files/";

    private final ObjectStore objects;
    private final FileSystemDistributionStore copies;

    ObjectDistributionStore(ObjectStore objects, FileSystemDistributionStore copies) {
        this.objects = objects;
        this.copies = copies;
    }

    @Override
    public Path newTemporaryFile() throws IOException {
        return copies.newTemporaryFile();
    }

    @Override
    public void publish(Path temporary, String normalizedProject, String filename) throws IOException {
        // a name reaching outside its project's folder is refused before anything reaches the bucket
        copies.locate(normalizedProject, filename);
        objects.put(name(normalizedProject, filename), temporary);
        copies.publish(temporary, normalizedProject, filename);
    }

    @Override
    public Path locate(String normalizedProject, String filename) {
        Path copy = copies.locate(normalizedProject, filename);
        if (Files.isRegularFile(copy)) {
            return copy;
        }
        try {
            objects.fetch(name(normalizedProject, filename), copy);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not fetch " + normalizedProject + "/" + filename + " from "
                    + objects.describe(), failure);
        }
        return copy;
    }

    @Override
    public void remove(String normalizedProject, String filename) throws IOException {
        objects.delete(name(normalizedProject, filename));
        copies.remove(normalizedProject, filename);
    }

    @Override
    public List<StoredFile> storedFiles() throws IOException {
        List<StoredFile> stored = new ArrayList<>();
        for (StoredObject object : objects.list(FILES)) {
            String[] parts = object.name().substring(FILES.length()).split("/", -1);
            // anything else under files/ was not written by Assay and is left alone
            if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
                stored.add(new StoredFile(parts[0], parts[1], object.written()));
            }
        }
        return stored;
    }

    @Override
    public void setAside(String normalizedProject, String filename, BooleanSupplier committed) throws IOException {
        // a bucket has no cheap rename: the orphan was never acknowledged to anyone, so it is removed
        if (!committed.getAsBoolean()) {
            remove(normalizedProject, filename);
            LOG.warn("Removed {}/{} from {}: no upload of it was committed (the server stopped before answering)",
                    normalizedProject, filename, where());
        }
    }

    @Override
    public String where() {
        return objects.describe(FILES);
    }

    private static String name(String normalizedProject, String filename) {
        return FILES + normalizedProject + "/" + filename;
    }
}
